import { retryPolicies, type WebClient } from '@slack/web-api';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/config/load-config.ts';
import { createSlackApp } from '../../src/slack/create-slack-app.ts';
import { type SlashCommandFields, sendToBolt, slashCommand } from '../support/slack-requests.ts';
import { type SocketStandIn, startSocketStandIn } from '../support/slack-socket-stand-in.ts';
import { SIGNING_SECRET, startTestApp, type TestApp } from '../support/test-app.ts';

const tokens = { botToken: 'xoxb-test-token', appToken: 'xapp-1-A111-1-test' };

let socket: SocketStandIn;
let app: TestApp;

beforeAll(async () => {
  socket = await startSocketStandIn();
  app = await startTestApp(
    { SLACK_BOT_TOKEN: tokens.botToken, SLACK_APP_TOKEN: tokens.appToken, SLACK_SIGNING_SECRET: undefined },
    { socketModeUrl: () => socket.wsUrl },
  );
  await socket.waitForConnection();
});

afterAll(async () => {
  await app?.stop();
  await socket?.close();
});

// Over the socket Slack sends a command's form fields as a JSON object.
const commandPayload = (fields: SlashCommandFields) =>
  Object.fromEntries(new URLSearchParams(slashCommand(fields).body));

async function waitForPosts(url: string): Promise<unknown[]> {
  for (let i = 0; i < 100; i++) {
    const posts = app.slack.postsTo(url);
    if (posts.length > 0) return posts;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`expected a post to ${url}`);
}

describe('Socket Mode', () => {
  it('opens the socket with the app-level token', () => {
    const [open] = app.slack.callsTo('apps.connections.open');
    expect(open?.token).toBe(tokens.appToken);
    expect(open?.status).toBe(200);
  });

  it('acks /winback help within 3 seconds and posts the usage to its response_url', async () => {
    const responseUrl = app.slack.responseUrl();

    // sendEnvelope rejects when the ack takes longer than Slack's 3 seconds.
    const ack = await socket.sendEnvelope(
      'slash_commands',
      commandPayload({ text: 'help', response_url: responseUrl }),
    );

    // The listener acks empty and answers through response_url; the client always sends a payload object.
    expect(ack.payload).toEqual({});
    const [post] = (await waitForPosts(responseUrl)) as { response_type: string; text: string }[];
    expect(post?.response_type).toBe('ephemeral');
    expect(post?.text).toContain('`/winback help` — show this message');
  });

  it('answers an unknown subcommand with what it did not understand and the usage', async () => {
    const responseUrl = app.slack.responseUrl();

    await socket.sendEnvelope('slash_commands', commandPayload({ text: 'frobnicate', response_url: responseUrl }));

    const [post] = (await waitForPosts(responseUrl)) as { response_type: string; text: string }[];
    expect(post?.response_type).toBe('ephemeral');
    expect(post?.text).toContain("Sorry, I don't know `frobnicate`.");
    expect(post?.text).toContain('`/winback help`');
  });

  it('does not serve /slack/events over HTTP (404), while /healthz answers', async () => {
    const responseUrl = app.slack.responseUrl();

    const reply = await sendToBolt(app.slackEventsUrl, slashCommand({ text: 'help', response_url: responseUrl }), {
      signingSecret: SIGNING_SECRET,
    });
    const health = await fetch(`${app.baseUrl}/healthz`);

    expect(reply.status).toBe(404);
    expect(health.status).toBe(200);
    expect(app.slack.postsTo(responseUrl)).toEqual([]);
  });

  it("gives listeners a Web API client with the default retry policy, not the socket client's", async () => {
    const config = loadServerConfig({
      SLACK_BOT_TOKEN: tokens.botToken,
      SLACK_APP_TOKEN: tokens.appToken,
      SLACK_API_URL: app.slack.url,
    });
    const { app: bolt } = createSlackApp(config, express(), app.db.prisma, pino({ level: 'silent' }));
    let listenerClient: WebClient | undefined;
    bolt.command('/probe', async ({ ack, client }) => {
      listenerClient = client;
      await ack();
    });

    await bolt.processEvent({ body: commandPayload({ command: '/probe' }), ack: async () => {} });

    // WebClient keeps its policy private, and a wrong one only shows after many minutes of retries.
    const { retryConfig } = listenerClient as unknown as { retryConfig: unknown };
    expect(retryConfig).toEqual(retryPolicies.tenRetriesInAboutThirtyMinutes);
  });

  // Last: it stops the app.
  it('closes the socket normally when the app stops', async () => {
    const closed = socket.waitForDisconnect();

    await app.stop();

    expect(await closed).toBe(1000);
  });
});
