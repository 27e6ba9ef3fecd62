import { z } from 'zod';
import { showSegment } from '../../segments/show-segment.ts';
import { segmentAccountsMessage, unknownSegmentMessage } from '../blocks/segment-accounts-blocks.ts';
import { subcommandUsage } from '../blocks/usage-blocks.ts';
import type { Subcommand } from './subcommand.ts';

// Ten lines with their Details buttons keep the reply short and far inside Slack's 50 blocks.
const TOP_ACCOUNTS = 10;

const argsSchema = z.tuple([z.string().min(1).max(100)]);

/** `/winback segment NAME`: a saved segment's most valuable accounts. */
export const runSegmentCommand: Subcommand = async ({ args, deps, reply }) => {
  const parsed = argsSchema.safeParse(args);
  if (!parsed.success) {
    await reply(subcommandUsage('segment', 'name one saved segment, e.g. `/winback segment price-q4`.'));
    return;
  }
  const [name] = parsed.data;
  const zone = deps.settings.WINBACK_TIMEZONE;
  const result = await showSegment(deps.prisma, name, { zone, limit: TOP_ACCOUNTS });
  await reply(result.status === 'found' ? segmentAccountsMessage(result) : unknownSegmentMessage(name, result.known));
};
