// Signed Slack requests built from payloads Slack really sends (captured in test/fixtures/slack), so tests go
// through Bolt's own signature verification and body parsing instead of calling listeners directly.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

type Json = Record<string, unknown>;

export interface SlackRequest {
  body: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
}

const fixtures = new URL('../fixtures/slack/', import.meta.url);

const fixtureText = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
const fixtureJson = (name: string) => JSON.parse(fixtureText(name)) as Json;

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Headers Slack adds: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}` keyed by the signing secret. */
export function signSlackRequest({
  signingSecret,
  body,
  timestamp = nowSeconds(),
}: {
  signingSecret: string;
  body: string;
  timestamp?: number;
}): { 'X-Slack-Signature': string; 'X-Slack-Request-Timestamp': string } {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'X-Slack-Signature': `v0=${digest}`, 'X-Slack-Request-Timestamp': String(timestamp) };
}

export interface SlashCommandFields {
  command?: string;
  text?: string;
  user_id?: string;
  team_id?: string;
  channel_id?: string;
  response_url?: string;
  trigger_id?: string;
}

/** A `/winback` slash command; any field left out keeps the captured payload's value. */
export function slashCommand(fields: SlashCommandFields = {}): SlackRequest {
  const form = new URLSearchParams(fixtureText('bolt-python-tests/slash_command.form-urlencoded.txt'));
  for (const [key, value] of Object.entries({ command: '/winback', text: '', ...fields })) {
    if (value !== undefined) form.set(key, value);
  }
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

// Interactivity arrives as a form with a single `payload` field holding the JSON.
const interactivity = (payload: Json): SlackRequest => ({
  body: `payload=${encodeURIComponent(JSON.stringify(payload))}`,
  contentType: 'application/x-www-form-urlencoded',
});

export interface BlockActionFields {
  actionId?: string;
  value?: string;
  blockId?: string;
  userId?: string;
  teamId?: string;
  channelId?: string;
  responseUrl?: string;
  triggerId?: string;
  /** The message the button sits in, as Slack echoes it back. */
  message?: Json;
  /** Where the button sits, e.g. `{ type: 'view', view_id }` for a Home tab button. */
  container?: Json;
  /** The view the button sits in, for buttons in modals and the Home tab. */
  view?: Json;
}

/** A button click (`block_actions`) from the captured payload, with the named fields replaced. */
export function blockAction(fields: BlockActionFields = {}): SlackRequest {
  const payload = fixtureJson('bolt-python-tests/block_actions.button.json');
  const [action] = payload.actions as Json[];
  const user = payload.user as Json;
  const team = payload.team as Json;
  const channel = payload.channel as Json;

  if (action) {
    if (fields.actionId !== undefined) action.action_id = fields.actionId;
    if (fields.value !== undefined) action.value = fields.value;
    if (fields.blockId !== undefined) action.block_id = fields.blockId;
  }
  if (fields.userId !== undefined) user.id = fields.userId;
  if (fields.teamId !== undefined) {
    team.id = fields.teamId;
    user.team_id = fields.teamId;
  }
  if (fields.channelId !== undefined) {
    channel.id = fields.channelId;
    (payload.container as Json).channel_id = fields.channelId;
  }
  if (fields.responseUrl !== undefined) payload.response_url = fields.responseUrl;
  if (fields.triggerId !== undefined) payload.trigger_id = fields.triggerId;
  if (fields.message !== undefined) payload.message = fields.message;
  if (fields.container !== undefined) payload.container = fields.container;
  if (fields.view !== undefined) payload.view = fields.view;
  return interactivity(payload);
}

export interface ViewSubmissionFields {
  callbackId?: string;
  /** `view.state.values`: block_id → action_id → element state. */
  values?: Record<string, Record<string, Json>>;
  privateMetadata?: string;
  userId?: string;
  teamId?: string;
  triggerId?: string;
  viewId?: string;
  /** The submitted view's blocks, when the listener reads them. */
  blocks?: Json[];
}

/** A modal submission (`view_submission`) from the captured payload, with the named fields replaced. */
export function viewSubmission(fields: ViewSubmissionFields = {}): SlackRequest {
  const payload = fixtureJson('bolt-python-tests/view_submission.modal.json');
  const view = payload.view as Json;
  const user = payload.user as Json;

  if (fields.callbackId !== undefined) view.callback_id = fields.callbackId;
  if (fields.values !== undefined) view.state = { values: fields.values };
  if (fields.privateMetadata !== undefined) view.private_metadata = fields.privateMetadata;
  if (fields.blocks !== undefined) view.blocks = fields.blocks;
  if (fields.viewId !== undefined) {
    view.id = fields.viewId;
    view.root_view_id = fields.viewId;
  }
  if (fields.userId !== undefined) user.id = fields.userId;
  if (fields.teamId !== undefined) {
    (payload.team as Json).id = fields.teamId;
    user.team_id = fields.teamId;
    view.team_id = fields.teamId;
    view.app_installed_team_id = fields.teamId;
  }
  if (fields.triggerId !== undefined) payload.trigger_id = fields.triggerId;
  return interactivity(payload);
}

export interface AppHomeOpenedFields {
  userId?: string;
  teamId?: string;
  tab?: 'home' | 'messages';
  channel?: string;
  /** The Home tab's current view; Slack includes it once a view has been published. */
  view?: Json;
  eventId?: string;
}

/**
 * An `app_home_opened` event callback. The capture comes from an org-wide install; this builder turns it into a
 * workspace install (team in `authorizations`, `is_enterprise_install: false`), which is how winback is installed.
 */
export function appHomeOpened(fields: AppHomeOpenedFields = {}): SlackRequest {
  const envelope = fixtureJson('bolt-python-tests/app_home_opened.org_app.event_callback.json');
  const event = envelope.event as Json;
  const [authorization] = envelope.authorizations as Json[];
  const teamId = fields.teamId ?? (envelope.team_id as string);

  envelope.team_id = teamId;
  if (authorization) {
    authorization.team_id = teamId;
    authorization.is_enterprise_install = false;
  }
  event.tab = fields.tab ?? 'home';
  if (fields.userId !== undefined) event.user = fields.userId;
  if (fields.channel !== undefined) event.channel = fields.channel;
  if (fields.view !== undefined) event.view = fields.view;
  if (fields.eventId !== undefined) envelope.event_id = fields.eventId;
  return { body: JSON.stringify(envelope), contentType: 'application/json' };
}

export interface SendOptions {
  signingSecret: string;
  timestamp?: number;
  /** Sent as `X-Slack-Retry-Num`, as Slack does when it redelivers an event. */
  retryNum?: number;
  retryReason?: string;
  /** Replaces the computed signature, to prove a forged request is refused. */
  signature?: string;
}

/** POST a signed request to a Bolt HTTP endpoint (e.g. `http://127.0.0.1:PORT/slack/events`). */
export async function sendToBolt(
  url: string,
  request: SlackRequest,
  { signingSecret, timestamp, retryNum, retryReason, signature }: SendOptions,
): Promise<{ status: number; body: string }> {
  const signed = signSlackRequest({ signingSecret, body: request.body, timestamp });
  const headers: Record<string, string> = { 'Content-Type': request.contentType, ...signed };
  if (signature !== undefined) headers['X-Slack-Signature'] = signature;
  if (retryNum !== undefined) headers['X-Slack-Retry-Num'] = String(retryNum);
  if (retryReason !== undefined) headers['X-Slack-Retry-Reason'] = retryReason;

  const response = await fetch(url, { method: 'POST', headers, body: request.body });
  return { status: response.status, body: await response.text() };
}
