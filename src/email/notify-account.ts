import { digestChannelsOf } from '../config/team-settings.ts';
import type { EmailDeps } from './email-deps.ts';

export interface NotifyTarget {
  accountId: string;
  /** Who asked for the email, and where: they get an ephemeral there when the account has no thread. */
  senderSlackId?: string | null;
  slackChannelId?: string | null;
}

/**
 * Tells the people working an account what happened to its email: in the account's thread when it
 * has one (mentioning the owner), else as an ephemeral to the sender where they asked, else in the
 * first digest channel mentioning the owner or the managers; `threadOnly` notes only ever go in a thread.
 * Slack failing here never fails a send.
 */
export async function notifyAccount(
  deps: EmailDeps,
  target: NotifyTarget,
  text: string,
  options: { threadOnly?: boolean } = {},
): Promise<void> {
  const log = deps.logger.child({ accountId: target.accountId });
  try {
    const account = await deps.prisma.account.findUnique({
      where: { id: target.accountId },
      select: { threadChannelId: true, threadTs: true, claims: { where: { releasedAt: null }, take: 1 } },
    });
    const owner = account?.claims[0]?.ownerSlackId;
    if (account?.threadChannelId && account.threadTs) {
      const mention = owner ? `<@${owner}> ` : '';
      await deps.slack.chat.postMessage({
        channel: account.threadChannelId,
        thread_ts: account.threadTs,
        text: `${mention}${text}`,
      });
      return;
    }
    // Routine notes (a reminder sent or cancelled) belong in a thread or nowhere: channels stay quiet.
    if (options.threadOnly) return;
    if (target.senderSlackId && target.slackChannelId) {
      await deps.slack.chat.postEphemeral({ channel: target.slackChannelId, user: target.senderSlackId, text });
      return;
    }
    const channel = digestChannelsOf(deps.settings)[0]?.channelId;
    if (!channel) {
      log.warn('no Slack place to report an email status change');
      return;
    }
    const people = owner ? [owner] : await deps.managerIds();
    const mentions = people.map((id) => `<@${id}>`).join(' ');
    await deps.slack.chat.postMessage({ channel, text: mentions ? `${mentions} ${text}` : text });
  } catch (error) {
    log.warn({ err: error }, 'could not tell Slack about an email');
  }
}
