// The whole app over HTTP, with a digest already posted to a channel, for claim, release and reassign flows.
import { postDigest } from '../../src/digest/post-digest.ts';
import { digestDeps, logger, seedChurned, waitFor } from '../digest/digest-rig.ts';
import { blockAction, type SlackRequest, sendToBolt } from '../support/slack-requests.ts';
import { SIGNING_SECRET, startTestApp, type TestApp } from '../support/test-app.ts';

export const MANAGER = 'U0MANAGER1';
export const CHANNEL = 'C0CLAIMS01';

export interface PostedDigest {
  accountId: string;
  company: string;
  messageTs: string;
}

/**
 * The app with one manager. Its own pg-boss tick keeps running every minute; with no digest channel and escalation
 * after 100,000 working hours it has nothing to do in these tests.
 */
export function startClaimApp(): Promise<TestApp> {
  return startTestApp({ WINBACK_MANAGERS: MANAGER, WINBACK_ESCALATE_AFTER_HOURS: '100000' });
}

/** One high-value churned account, posted in a digest now, the way the scheduled tick would post it. */
export async function postDigestWithAccount(app: TestApp, company: string, channelId = CHANNEL): Promise<PostedDigest> {
  const now = new Date();
  const account = await seedChurned(app.db.prisma, new Date(now.getTime() - 60_000), { company });
  const deps = digestDeps(app.db.prisma, app.slack, {});
  const channel = { channelId, time: { hour: 0, minute: 0 }, zone: 'UTC' };
  const options = { highValue: deps.settings.WINBACK_HIGH_VALUE, maxItems: 100, quiet: 'note' as const };
  const result = await postDigest(app.db.prisma, deps.slack, channel, options, logger, now);
  if (result.status !== 'posted') throw new Error(`digest not posted: ${result.status}`);
  return { accountId: account.id, company, messageTs: result.messageTs };
}

/** A button click in the digest message, as Slack sends it. */
export function clickInDigest(
  digest: PostedDigest,
  fields: { actionId: string; userId: string; responseUrl: string; channelId?: string },
) {
  const channelId = fields.channelId ?? CHANNEL;
  return blockAction({
    actionId: fields.actionId,
    value: digest.accountId,
    blockId: `digest:churned:${digest.accountId}:actions`,
    userId: fields.userId,
    responseUrl: fields.responseUrl,
    channelId,
    message: { type: 'message', ts: digest.messageTs, text: 'Win-back digest' },
    container: { type: 'message', message_ts: digest.messageTs, channel_id: channelId, is_ephemeral: false },
  });
}

export const send = (app: TestApp, request: SlackRequest) =>
  sendToBolt(app.slackEventsUrl, request, { signingSecret: SIGNING_SECRET });

export interface EphemeralReply {
  response_type: string;
  replace_original: boolean;
  text: string;
  blocks?: { type: string; block_id?: string; elements?: { type: string; action_id: string }[] }[];
}

/** The one reply posted to a response URL, once it arrives. */
export async function replyTo(app: TestApp, responseUrl: string): Promise<EphemeralReply> {
  return waitFor(`a reply to ${responseUrl}`, () => app.slack.postsTo(responseUrl)[0] as EphemeralReply | undefined);
}

/** Lets handlers still running after their ack finish, so a test can assert that nothing more happened. */
export const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));
