import { usageBlocks } from '../blocks/usage-blocks.ts';
import type { Subcommand } from './subcommand.ts';

/** `/winback help`: every subcommand, one line each. */
export const runHelpCommand: Subcommand = async ({ reply }) => {
  await reply(usageBlocks());
};
