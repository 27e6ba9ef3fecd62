import { LIST_FILTERS, type ListFilter, listAccounts } from '../../accounts/list-accounts.ts';
import { findSegment } from '../../accounts/segment-name.ts';
import { RFM_SEGMENTS, type RfmSegment } from '../../domain/scoring/rfm-segments.ts';
import { accountListMessage } from '../blocks/list-accounts-blocks.ts';
import { escapeMrkdwn } from '../blocks/text.ts';
import { subcommandUsage } from '../blocks/usage-blocks.ts';
import type { Subcommand } from './subcommand.ts';

/** Lines in one reply: a screenful, and far inside Slack's 50 blocks. */
export const LIST_LIMIT = 20;

type ListArguments = { filter: ListFilter; segment: RfmSegment | null } | { problem: string };

const asFilter = (word: string) => LIST_FILTERS.find((filter) => filter === word.toLowerCase()) ?? null;
const code = (word: string) => `\`${escapeMrkdwn(word)}\``;
const FILTERS = 'churned, failed, unclaimed or mine';
const SEGMENTS = RFM_SEGMENTS.join(', ');

/** `[filter] [segment]`, either optional; the filter defaults to churned. */
export function parseListArguments(args: string[]): ListArguments {
  if (args.length > 2)
    return { problem: `\`list\` takes at most a filter and a segment, not ${code(args.join(' '))}.` };
  const [first, second] = args;
  if (first === undefined) return { filter: 'churned', segment: null };
  if (second === undefined) {
    const filter = asFilter(first);
    if (filter) return { filter, segment: null };
    const segment = findSegment(first);
    if (segment) return { filter: 'churned', segment };
    return { problem: `${code(first)} is neither a filter (${FILTERS}) nor a segment (${SEGMENTS}).` };
  }
  const filter = asFilter(first);
  if (!filter) return { problem: `${code(first)} is not a filter: use ${FILTERS}.` };
  const segment = findSegment(second);
  if (!segment) return { problem: `${code(second)} is not a segment. The segments are ${SEGMENTS}.` };
  return { filter, segment };
}

/** `/winback list [churned|failed|unclaimed|mine] [segment]`: the most valuable first, 20 at most. */
export const runListCommand: Subcommand = async ({ args, userId, deps, reply }) => {
  const parsed = parseListArguments(args);
  if ('problem' in parsed) {
    await reply(subcommandUsage('list', parsed.problem));
    return;
  }
  const { lines, total } = await listAccounts(deps.prisma, { ...parsed, userId, limit: LIST_LIMIT });
  await reply(accountListMessage({ ...parsed, lines, total }));
};
