import { type ChannelDigestResult, postDigestsNow } from '../../digest/post-digests-now.ts';
import { previewDigest } from '../../digest/preview-digest.ts';
import { contextNote } from '../blocks/list-line-blocks.ts';
import { plainTextOf } from '../blocks/plain-text.ts';
import { escapeMrkdwn } from '../blocks/text.ts';
import { subcommandUsage } from '../blocks/usage-blocks.ts';
import type { Subcommand, SubcommandContext } from './subcommand.ts';

export const NO_DIGEST_CHANNEL =
  'No digest channel is set up, so there is nowhere to post. An admin sets one in WINBACK_DIGEST_CHANNELS.';

function resultLine(result: ChannelDigestResult): string {
  const channel = `<#${result.channelId}>`;
  switch (result.status) {
    case 'posted':
      return `Posted today's digest in ${channel} (${result.items === 1 ? '1 line' : `${result.items} lines`}).`;
    case 'quiet':
      return `Nothing new for ${channel} today, so nothing was posted.`;
    case 'already_done':
      return `Today's digest already went out in ${channel}.`;
    case 'failed':
      return (
        `Today's digest could not be posted in ${channel} (Slack said ${escapeMrkdwn(result.error)}). ` +
        'Try again in a while.'
      );
  }
}

async function postNow({ userId, client, deps, log, reply }: SubcommandContext) {
  const isManager = await deps.roles.isManager(userId);
  const results = await postDigestsNow({ ...deps, slack: client, logger: log }, { userId, isManager });
  await reply({ text: results.length === 0 ? NO_DIGEST_CHANNEL : results.map(resultLine).join('\n') });
}

async function preview({ deps, reply }: SubcommandContext) {
  const built = await previewDigest(deps.prisma, deps.settings);
  const blocks = [
    contextNote('Preview: only you see this, and nothing was posted or stored.'),
    ...(built.messages[0]?.blocks ?? []),
  ];
  await reply({ text: plainTextOf(blocks), blocks });
}

/** `/winback digest now` (managers: post today's digest in every digest channel) and `/winback digest preview`. */
export const runDigestCommand: Subcommand = async (context) => {
  const [what, ...extra] = context.args.map((word) => word.toLowerCase());
  if (extra.length === 0 && what === 'now') return postNow(context);
  if (extra.length === 0 && what === 'preview') return preview(context);

  const problem =
    context.args.length === 0
      ? '`digest` needs `now` or `preview`.'
      : `\`digest\` takes \`now\` or \`preview\`, not \`${escapeMrkdwn(context.rest)}\`.`;
  await context.reply(subcommandUsage('digest', problem));
};
