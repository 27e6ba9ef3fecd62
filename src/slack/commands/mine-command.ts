import { listMyClaims } from '../../accounts/list-my-claims.ts';
import { myClaimsMessage } from '../blocks/list-my-claims-blocks.ts';
import { escapeMrkdwn } from '../blocks/text.ts';
import { subcommandUsage } from '../blocks/usage-blocks.ts';
import { LIST_LIMIT } from './list-command.ts';
import type { Subcommand } from './subcommand.ts';

/** `/winback mine`: the accounts you own, longest claimed first, with how long and what to do next. */
export const runMineCommand: Subcommand = async ({ args, rest, userId, deps, reply }) => {
  if (args.length > 0) {
    await reply(subcommandUsage('mine', `\`mine\` takes nothing after it, not \`${escapeMrkdwn(rest)}\`.`));
    return;
  }
  const mine = await listMyClaims(deps.prisma, userId, LIST_LIMIT);
  await reply(myClaimsMessage(mine, new Date()));
};
