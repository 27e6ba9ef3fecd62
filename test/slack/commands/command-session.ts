import {
  appHomeOpened,
  type BlockActionFields,
  blockAction,
  sendToBolt,
  slashCommand,
} from '../../support/slack-requests.ts';
import type { RecordedCall } from '../../support/slack-stand-in.ts';
import { SIGNING_SECRET, type TestApp } from '../../support/test-app.ts';

// Users as Slack spells them; managers are configured by id through WINBACK_MANAGERS.
export const MANAGER = 'U0MANAGER1';
export const MEMBER = 'U0MEMBER01';
export const OTHER_MEMBER = 'U0MEMBER02';

export interface Reply {
  response_type?: string;
  replace_original?: boolean;
  text: string;
  blocks?: Block[];
}

export interface Block {
  type: string;
  block_id?: string;
  text?: { type: string; text: string };
  fields?: { type: string; text: string }[];
  elements?: { type: string; text?: string | { text: string }; action_id?: string; value?: string }[];
  accessory?: { type: string; action_id?: string; value?: string; text?: { text: string } };
}

/** Polls until `probe` returns something, for what the app does after its ack. */
export async function waitFor<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const found = probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Types `/winback <text>` as `userId` and returns the ephemeral reply posted to the response URL. */
export async function sendCommand(app: TestApp, text: string, userId = MEMBER): Promise<Reply> {
  const responseUrl = app.slack.responseUrl();
  const request = slashCommand({ text, user_id: userId, response_url: responseUrl });
  const sent = await sendToBolt(app.slackEventsUrl, request, { signingSecret: SIGNING_SECRET });
  if (sent.status !== 200) throw new Error(`/winback ${text} answered ${sent.status}`);
  return waitFor(() => app.slack.postsTo(responseUrl)[0] as Reply | undefined, `a reply to /winback ${text}`);
}

/** Clicks a button; returns the response URL it carried, for the replies posted there. */
export async function clickButton(app: TestApp, fields: BlockActionFields): Promise<string> {
  const responseUrl = fields.responseUrl ?? app.slack.responseUrl();
  const sent = await sendToBolt(app.slackEventsUrl, blockAction({ ...fields, responseUrl }), {
    signingSecret: SIGNING_SECRET,
  });
  if (sent.status !== 200) throw new Error(`the click answered ${sent.status}`);
  return responseUrl;
}

/** Waits for the `count`-th call of `method` since `before` calls of it had been made. */
export async function nextCall(app: TestApp, method: string, before: number): Promise<RecordedCall> {
  return waitFor(() => app.slack.callsTo(method)[before], `a call to ${method}`);
}

/** Opens the Home tab as `userId` and returns the view it published. */
export async function openHome(app: TestApp, userId: string): Promise<{ type: string; blocks: Block[] }> {
  const before = app.slack.callsTo('views.publish').length;
  const sent = await sendToBolt(app.slackEventsUrl, appHomeOpened({ userId }), { signingSecret: SIGNING_SECRET });
  if (sent.status !== 200) throw new Error(`app_home_opened answered ${sent.status}`);
  const call = await nextCall(app, 'views.publish', before);
  return call.args.view as { type: string; blocks: Block[] };
}

/** Every mrkdwn or plain text of the blocks, in order, fields and context included. */
export function textsOf(blocks: Block[] = []): string[] {
  return blocks.flatMap((block) => [
    ...(block.text ? [block.text.text] : []),
    ...(block.fields ?? []).map((field) => field.text),
    ...(block.elements ?? []).flatMap((element) => (typeof element.text === 'string' ? [element.text] : [])),
  ]);
}

/**
 * A digest channel whose scheduled time (23:59) is hours away, so the app's own minute tick never posts
 * during the test and every digest comes from the test. Tokyo is nine hours ahead when UTC nears midnight.
 */
export function channelNotDueYet(channelId: string, now = new Date()): string {
  const zone = now.getUTCHours() >= 22 ? 'Asia/Tokyo' : 'UTC';
  return `${channelId}@23:59@${zone}`;
}
