import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import {
  type Block,
  type Logger,
  LogLevel,
  type ModalView,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebClient,
} from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { findMessageBlockProblems, findViewProblems } from './block-kit-limits.ts';
import {
  appHomeOpened,
  blockAction,
  sendToBolt,
  signSlackRequest,
  slashCommand,
  viewSubmission,
} from './slack-requests.ts';
import { type SlackStandIn, startSlackStandIn } from './slack-stand-in.ts';

const quietLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

const botToken = 'xoxb-winback-test';
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (action_id: string, extra: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id,
  text: { type: 'plain_text', text: 'Claim' },
  ...extra,
});
const modal = (extra: Partial<ModalView> = {}): ModalView => ({
  type: 'modal',
  title: { type: 'plain_text', text: 'Offer' },
  blocks: [section('Propose an offer')],
  ...extra,
});

async function platformError(call: Promise<unknown>): Promise<WebAPIPlatformError['data']> {
  const error = await call.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof WebAPIPlatformError)) throw new Error(`expected a Slack platform error, got ${String(error)}`);
  return error.data;
}

describe('Slack stand-in through the real WebClient', () => {
  let standIn: SlackStandIn;
  let client: WebClient;

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    client = new WebClient(botToken, {
      slackApiUrl: standIn.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: quietLogger,
    });
  });
  afterEach(() => standIn.reset());
  afterAll(() => standIn.close());

  const accepted = { ok: true };
  const postBlocks = (blocks: Block[]) => client.chat.postMessage({ channel: 'C1', text: 'x', blocks });
  const postText = (text: string) => client.chat.postMessage({ channel: 'C1', text });

  it('records a chat.postMessage with its blocks decoded and answers a unique channel and ts', async () => {
    const blocks = [section('*Acme Corp* churned: too expensive')];
    const first = await client.chat.postMessage({ channel: 'C0DIGEST', text: 'Churn digest', blocks });
    const second = await client.chat.postMessage({ channel: 'C0DIGEST', text: 'Churn digest' });

    expect(first).toMatchObject({ ok: true, channel: 'C0DIGEST', message: { text: 'Churn digest', blocks } });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(standIn.callsTo('chat.postMessage')[0]).toMatchObject({
      token: botToken,
      args: { channel: 'C0DIGEST', blocks },
    });
  });

  it('answers a post to a user ID with that user’s DM channel, as Slack does', async () => {
    const posted = await client.chat.postMessage({ channel: 'U0CSM', text: 'You claimed Acme Corp' });

    expect(posted.channel).toBe('D0CSM');
  });

  it('accepts section text of 3000 characters and rejects 3001 with invalid_blocks', async () => {
    await expect(postBlocks([section('a'.repeat(3000))])).resolves.toMatchObject(accepted);

    const data = await platformError(postBlocks([section('a'.repeat(3001))]));
    expect(data.error).toBe('invalid_blocks');
    expect(data.response_metadata?.messages).toEqual([
      '[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
    ]);
  });

  it('rejects a duplicate action_id within one actions block but allows it in separate blocks', async () => {
    const duplicated = [{ type: 'actions', elements: [button('claim_account'), button('claim_account')] }];
    const separate = [
      { ...section('Acme'), accessory: button('claim_account') },
      { ...section('Globex'), accessory: button('claim_account') },
    ];

    const data = await platformError(postBlocks(duplicated));
    expect(data.response_metadata?.messages).toEqual([
      '[ERROR] `action_id` "claim_account" already exists [json-pointer:/blocks/0/elements/1/action_id]',
    ]);
    await expect(postBlocks(separate)).resolves.toMatchObject(accepted);
  });

  it('accepts 50 blocks in a message and rejects 51', async () => {
    const dividers = (count: number) => Array.from({ length: count }, () => ({ type: 'divider' }));

    await expect(postBlocks(dividers(50))).resolves.toMatchObject(accepted);
    const data = await platformError(postBlocks(dividers(51)));
    expect(data.response_metadata?.messages).toEqual(['[ERROR] no more than 50 items allowed [json-pointer:/blocks]']);
  });

  it('accepts 40,000 characters of text and answers msg_too_long for 40,001', async () => {
    await expect(postText('a'.repeat(40_000))).resolves.toMatchObject(accepted);
    expect((await platformError(postText('a'.repeat(40_001)))).error).toBe('msg_too_long');
  });

  it('answers msg_blocks_too_long when the blocks JSON passes 12,000 characters', async () => {
    const blocks = Array.from({ length: 5 }, () => section('a'.repeat(2900)));

    expect((await platformError(postBlocks(blocks))).error).toBe('msg_blocks_too_long');
  });

  it('answers channel_not_found when the channel is missing', async () => {
    const data = await platformError(client.apiCall('chat.postMessage', { text: 'no channel' }));

    expect(data.error).toBe('channel_not_found');
  });

  it('answers unknown_method with HTTP 200 for a method Slack does not have', async () => {
    const data = await platformError(client.apiCall('accounts.winBack', {}));

    expect(data).toMatchObject({ ok: false, error: 'unknown_method', req_method: 'accounts.winBack' });
  });

  it('answers not_authed without a token and invalid_auth for a token that is not a bot token', async () => {
    const anonymous = new WebClient(undefined, {
      slackApiUrl: standIn.url,
      retryConfig: { retries: 0 },
      logger: quietLogger,
    });
    const user = new WebClient('xoxp-user-token', {
      slackApiUrl: standIn.url,
      retryConfig: { retries: 0 },
      logger: quietLogger,
    });

    expect((await platformError(anonymous.auth.test())).error).toBe('not_authed');
    expect((await platformError(user.auth.test())).error).toBe('invalid_auth');
    expect(standIn.calls.map((call) => call.token)).toEqual([undefined, 'xoxp-user-token']);
  });

  it('delivers a 429 with Retry-After that the client sees as rate limiting, once', async () => {
    standIn.respondNext('chat.postMessage', { retryAfter: 7 });

    const error = await postText('x').catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect((error as WebAPIRateLimitedError).retryAfter).toBe(7);
    await expect(postText('x')).resolves.toMatchObject(accepted);
  });

  it('answers canned errors for the next calls only', async () => {
    standIn.respondNext('chat.postMessage', 'not_in_channel', 2);

    expect((await platformError(postText('x'))).error).toBe('not_in_channel');
    expect((await platformError(postText('x'))).error).toBe('not_in_channel');
    await expect(postText('x')).resolves.toMatchObject(accepted);
  });

  it('opens a modal with a view id and rejects a 25-character title with invalid_arguments', async () => {
    const opened = await client.views.open({ trigger_id: '111.222.valid', view: modal() });
    expect(opened.view).toMatchObject({ type: 'modal', id: expect.stringMatching(/^V/), blocks: modal().blocks });

    const title = { type: 'plain_text' as const, text: 'a'.repeat(25) };
    const data = await platformError(client.views.open({ trigger_id: '111.222.valid', view: modal({ title }) }));
    expect(data).toMatchObject({
      error: 'invalid_arguments',
      response_metadata: { messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'] },
    });
  });

  it('records what is posted to a minted response URL and refuses one it never minted', async () => {
    const url = standIn.responseUrl();
    const posted = await fetch(url, {
      method: 'POST',
      body: JSON.stringify({ text: 'Claimed' }),
      headers: { 'Content-Type': 'application/json' },
    });
    const stray = await fetch(url.replace(/R\d+$/, 'R99999999'), { method: 'POST', body: '{}' });

    expect(posted.status).toBe(200);
    expect(stray.status).toBe(404);
    expect(standIn.postsTo(url)).toEqual([{ text: 'Claimed' }]);
  });
});

describe('Block Kit limit checks', () => {
  const viewsDir = new URL('../fixtures/slack/python-slack-sdk-block-kit-views/', import.meta.url);
  const viewFiles = readdirSync(viewsDir).filter((name) => name.endsWith('.json'));

  it.each(viewFiles)('accepts the real Block Kit view %s', (name) => {
    const view: unknown = JSON.parse(readFileSync(new URL(name, viewsDir), 'utf8'));

    expect(findViewProblems(view)).toEqual([]);
  });

  const text = (length: number) => 'a'.repeat(length);
  const plain = (length: number) => ({ type: 'plain_text' as const, text: text(length) });
  const many = (count: number, item: unknown) => Array.from({ length: count }, () => item);
  type LimitCase = { name: string; limit: number; pointer: string };
  const messageCases: (LimitCase & { build: (n: number) => unknown[] })[] = [
    {
      name: 'header text',
      limit: 150,
      pointer: '/blocks/0/text/text',
      build: (n) => [{ type: 'header', text: plain(n) }],
    },
    {
      name: 'section fields',
      limit: 10,
      pointer: '/blocks/0/fields',
      build: (n) => [{ type: 'section', fields: many(n, plain(1)) }],
    },
    {
      name: 'section field text',
      limit: 2000,
      pointer: '/blocks/0/fields/0/text',
      build: (n) => [{ type: 'section', fields: [plain(n)] }],
    },
    {
      name: 'button text',
      limit: 75,
      pointer: '/blocks/0/accessory/text/text',
      build: (n) => [{ ...section('a'), accessory: { ...button('b'), text: plain(n) } }],
    },
    {
      name: 'button value',
      limit: 2000,
      pointer: '/blocks/0/accessory/value',
      build: (n) => [{ ...section('a'), accessory: button('b', { value: text(n) }) }],
    },
    {
      name: 'button url',
      limit: 3000,
      pointer: '/blocks/0/accessory/url',
      build: (n) => [{ ...section('a'), accessory: button('b', { url: text(n) }) }],
    },
    {
      name: 'action_id',
      limit: 255,
      pointer: '/blocks/0/elements/0/action_id',
      build: (n) => [{ type: 'actions', elements: [button(text(n))] }],
    },
    {
      name: 'block_id',
      limit: 255,
      pointer: '/blocks/0/block_id',
      build: (n) => [{ type: 'divider', block_id: text(n) }],
    },
    {
      name: 'actions elements',
      limit: 25,
      pointer: '/blocks/0/elements',
      build: (n) => [{ type: 'actions', elements: many(n, { type: 'datepicker' }) }],
    },
    {
      name: 'context elements',
      limit: 10,
      pointer: '/blocks/0/elements',
      build: (n) => [{ type: 'context', elements: many(n, plain(1)) }],
    },
  ];

  it.each(messageCases)('message $name: $limit passes, one more fails', ({ build, limit, pointer }) => {
    expect(findMessageBlockProblems(build(limit))).toEqual([]);
    expect(findMessageBlockProblems(build(limit + 1))).toEqual([expect.stringContaining(`[json-pointer:${pointer}]`)]);
  });

  const viewCases: (LimitCase & { build: (n: number) => unknown })[] = [
    { name: 'modal title', limit: 24, pointer: '/view/title/text', build: (n) => modal({ title: plain(n) }) },
    { name: 'modal submit', limit: 24, pointer: '/view/submit/text', build: (n) => modal({ submit: plain(n) }) },
    { name: 'modal close', limit: 24, pointer: '/view/close/text', build: (n) => modal({ close: plain(n) }) },
    {
      name: 'private_metadata',
      limit: 3000,
      pointer: '/view/private_metadata',
      build: (n) => modal({ private_metadata: text(n) }),
    },
    {
      name: 'blocks',
      limit: 100,
      pointer: '/view/blocks',
      build: (n) => ({ type: 'home', blocks: many(n, { type: 'divider' }) }),
    },
  ];

  it.each(viewCases)('view $name: $limit passes, one more fails', ({ build, limit, pointer }) => {
    expect(findViewProblems(build(limit))).toEqual([]);
    expect(findViewProblems(build(limit + 1))).toEqual([expect.stringContaining(`[json-pointer:${pointer}]`)]);
  });

  it('rejects a block_id used twice in one message', () => {
    const blocks = [
      { type: 'divider', block_id: 'account' },
      { type: 'divider', block_id: 'account' },
    ];

    expect(findMessageBlockProblems(blocks)).toEqual([
      '`block_id` "account" already exists [json-pointer:/blocks/1/block_id]',
    ]);
  });

  it('rejects an empty section text', () => {
    expect(findMessageBlockProblems([section('')])).toEqual([
      'must be more than 0 characters [json-pointer:/blocks/0/text/text]',
    ]);
  });
});

describe('Signed Slack requests', () => {
  it('reproduces the official signing vector from Slack’s docs exactly', () => {
    const vector = JSON.parse(
      readFileSync(
        new URL('../fixtures/slack/signing-secret-vector/slack_signing_vector.json', import.meta.url),
        'utf8',
      ),
    );

    const headers = signSlackRequest({
      signingSecret: vector.signing_secret,
      body: vector.body,
      timestamp: Number(vector.headers['X-Slack-Request-Timestamp']),
    });

    expect(headers).toEqual(vector.headers);
  });
});

describe('Signed requests through Bolt, answered by the stand-in', () => {
  const signingSecret = 'winback-signing-secret';
  let standIn: SlackStandIn;
  let app: App;
  let eventsUrl: string;
  const retries: (number | undefined)[] = [];

  beforeAll(async () => {
    standIn = await startSlackStandIn();
    app = new App({
      token: botToken,
      signingSecret,
      logger: quietLogger,
      clientOptions: { slackApiUrl: standIn.url, retryConfig: { retries: 0 } },
    });
    app.command('/winback', async ({ ack, command, respond }) => {
      await ack();
      await respond({ text: `You asked for ${command.text}` });
    });
    app.action('claim_account', async ({ ack, body, respond }) => {
      await ack();
      await respond({
        text: `${body.user.id} claimed ${(body as { actions: { value: string }[] }).actions[0]?.value}`,
      });
    });
    app.view('propose_offer', async ({ ack, view }) => {
      const discount = view.state.values.discount?.percent?.value;
      await ack({ response_action: 'errors', errors: { discount: `${discount}% is above the approval limit` } });
    });
    app.event('app_home_opened', async ({ event, client, context }) => {
      retries.push(context.retryNum);
      await client.views.publish({
        user_id: event.user,
        view: { type: 'home', blocks: [section('Your claimed accounts')] },
      });
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await app.stop();
    await standIn.close();
  });

  it('runs a slash command whose respond() reaches the minted response URL', async () => {
    const responseUrl = standIn.responseUrl();

    const sent = await sendToBolt(eventsUrl, slashCommand({ text: 'list', response_url: responseUrl }), {
      signingSecret,
    });

    expect(sent.status).toBe(200);
    await vi.waitFor(() => expect(standIn.postsTo(responseUrl)).toEqual([{ text: 'You asked for list' }]));
  });

  it('refuses a forged signature and a timestamp older than five minutes', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;

    expect((await sendToBolt(eventsUrl, slashCommand(), { signingSecret, signature: 'v0=forged' })).status).toBe(401);
    expect((await sendToBolt(eventsUrl, slashCommand(), { signingSecret, timestamp: sixMinutesAgo })).status).toBe(401);
  });

  it('delivers a button click with its action_id and value', async () => {
    const responseUrl = standIn.responseUrl();
    const click = blockAction({ actionId: 'claim_account', value: 'acct_42', userId: 'U0CSM', responseUrl });

    expect((await sendToBolt(eventsUrl, click, { signingSecret })).status).toBe(200);
    await vi.waitFor(() => expect(standIn.postsTo(responseUrl)).toEqual([{ text: 'U0CSM claimed acct_42' }]));
  });

  it('delivers a modal submission and returns the listener’s field errors in the HTTP answer', async () => {
    const submission = viewSubmission({
      callbackId: 'propose_offer',
      values: { discount: { percent: { type: 'plain_text_input', value: '60' } } },
    });

    const sent = await sendToBolt(eventsUrl, submission, { signingSecret });

    expect(JSON.parse(sent.body)).toEqual({
      response_action: 'errors',
      errors: { discount: '60% is above the approval limit' },
    });
  });

  it('delivers app_home_opened with Slack’s retry number and publishes the Home tab', async () => {
    const sent = await sendToBolt(eventsUrl, appHomeOpened({ userId: 'U0CSM' }), {
      signingSecret,
      retryNum: 1,
      retryReason: 'timeout',
    });

    expect(sent.status).toBe(200);
    await vi.waitFor(() => expect(standIn.callsTo('views.publish')).toHaveLength(1));
    expect(standIn.callsTo('views.publish')[0]?.args).toMatchObject({ user_id: 'U0CSM', view: { type: 'home' } });
    expect(retries).toEqual([1]);
  });
});
