import { listSegments } from '../../segments/list-segments.ts';
import { segmentListMessage } from '../blocks/segment-list-blocks.ts';
import type { Subcommand } from './subcommand.ts';

/** `/winback segments`: every saved segment with its size and lost MRR. */
export const runSegmentsCommand: Subcommand = async ({ deps, reply }) => {
  await reply(segmentListMessage(await listSegments(deps.prisma, deps.settings.WINBACK_TIMEZONE)));
};
