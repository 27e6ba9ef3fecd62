import pino from 'pino';
import { afterAll } from 'vitest';
import { loadServerConfig } from '../../src/config/load-config.ts';
import { startWinback } from '../../src/main.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { type SlackStandIn, type SlackStandInOptions, startSlackStandIn } from './slack-stand-in.ts';

export const SIGNING_SECRET = 'e3b0c44298fc1c149afbf4c8996fb924';
export const STRIPE_SECRET = 'whsec_winback_test_secret';
export const API_TOKEN = 'test-api-token-0123456789abcdef';

export interface TestApp {
  baseUrl: string;
  slackEventsUrl: string;
  slack: SlackStandIn;
  db: TestDatabase;
  stop(): Promise<void>;
}

/**
 * The whole app, started the way `winback start` starts it, on a fresh database, with Slack
 * reached through the stand-in and HTTP on a free loopback port. Stopped after the file.
 */
export async function startTestApp(
  overrides: Record<string, string | undefined> = {},
  slackOptions: SlackStandInOptions = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const slack = await startSlackStandIn(slackOptions);
  // Through the real loader, so defaults and validation are the ones `winback start` applies.
  const config = loadServerConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    STRIPE_WEBHOOK_SECRET: STRIPE_SECRET,
    WINBACK_API_TOKEN: API_TOKEN,
    ...overrides,
  });
  const running = await startWinback(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await running.stop();
    await slack.close();
  };
  afterAll(stop);
  const baseUrl = `http://127.0.0.1:${running.port}`;
  return { baseUrl, slackEventsUrl: `${baseUrl}/slack/events`, slack, db, stop };
}
