import { beforeAll, describe, expect, it } from 'vitest';
import { sendToBolt, slashCommand } from '../support/slack-requests.ts';
import { SIGNING_SECRET, startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

async function waitForPosts(url: string, count = 1): Promise<unknown[]> {
  for (let i = 0; i < 100; i++) {
    const posts = app.slack.postsTo(url);
    if (posts.length >= count) return posts;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`expected ${count} post(s) to ${url}`);
}

describe('/winback over HTTP', () => {
  it('help answers with an ephemeral usage message', async () => {
    const responseUrl = app.slack.responseUrl();

    const reply = await sendToBolt(app.slackEventsUrl, slashCommand({ text: 'help', response_url: responseUrl }), {
      signingSecret: SIGNING_SECRET,
    });

    expect(reply.status).toBe(200);
    const [post] = (await waitForPosts(responseUrl)) as { response_type: string; text: string }[];
    expect(post?.response_type).toBe('ephemeral');
    expect(post?.text).toContain('`/winback help` — show this message');
  });

  it('an empty command is the same as help', async () => {
    const responseUrl = app.slack.responseUrl();
    await sendToBolt(app.slackEventsUrl, slashCommand({ text: '', response_url: responseUrl }), {
      signingSecret: SIGNING_SECRET,
    });
    const [post] = (await waitForPosts(responseUrl)) as { text: string }[];
    expect(post?.text).toMatch(/^\*winback\* brings lost customers/);
  });

  it('an unknown subcommand gets the usage and what was not understood, escaped', async () => {
    const responseUrl = app.slack.responseUrl();

    await sendToBolt(app.slackEventsUrl, slashCommand({ text: 'frobnicate <!channel>', response_url: responseUrl }), {
      signingSecret: SIGNING_SECRET,
    });

    const [post] = (await waitForPosts(responseUrl)) as { response_type: string; text: string }[];
    expect(post?.response_type).toBe('ephemeral');
    expect(post?.text).toContain("Sorry, I don't know `frobnicate &lt;!channel&gt;`.");
    expect(post?.text).toContain('`/winback help`');
  });
});

describe('request verification', () => {
  it('refuses a bad signature with 401 and does nothing', async () => {
    const responseUrl = app.slack.responseUrl();
    const callsBefore = app.slack.calls.length;

    const reply = await sendToBolt(app.slackEventsUrl, slashCommand({ text: 'help', response_url: responseUrl }), {
      signingSecret: SIGNING_SECRET,
      signature: `v0=${'0'.repeat(64)}`,
    });

    expect(reply.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.slack.postsTo(responseUrl)).toEqual([]);
    expect(app.slack.calls.length).toBe(callsBefore);
  });

  it('refuses a correctly signed request whose timestamp is over five minutes old', async () => {
    const responseUrl = app.slack.responseUrl();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;

    const reply = await sendToBolt(app.slackEventsUrl, slashCommand({ text: 'help', response_url: responseUrl }), {
      signingSecret: SIGNING_SECRET,
      timestamp: sixMinutesAgo,
    });

    expect(reply.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.slack.postsTo(responseUrl)).toEqual([]);
  });
});

describe('GET /healthz', () => {
  it('reports the database and the job queue as ok', async () => {
    const response = await fetch(`${app.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', jobQueue: 'ok' });
  });
});
