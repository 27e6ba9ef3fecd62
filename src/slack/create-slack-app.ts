import { App, ExpressReceiver } from '@slack/bolt';
import type { Express } from 'express';
import type { ServerConfig } from '../config/load-config.ts';
import type { Logger } from '../log.ts';
import { boltLogger } from './bolt-logger.ts';
import { registerWinbackCommand } from './commands/winback-command.ts';

export const SLACK_EVENTS_PATH = '/slack/events';

type SlackConfig = Pick<ServerConfig, 'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_APP_TOKEN' | 'SLACK_API_URL'>;

/**
 * The Bolt app. Over HTTP its receiver is mounted on `httpApp` at /slack/events and Bolt
 * verifies every request's signature; with SLACK_APP_TOKEN it uses Socket Mode instead.
 */
export function createSlackApp(config: SlackConfig, httpApp: Express, logger: Logger): App {
  const clientOptions = config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {};
  const common = { token: config.SLACK_BOT_TOKEN, logger: boltLogger(logger), clientOptions };
  const app = config.SLACK_APP_TOKEN
    ? // The socket's own client (apps.connections.open) takes its options from installerOptions, and writes its
      // 100-retry policy into them. A copy keeps that out of the options Bolt gives every listener's client.
      new App({
        ...common,
        appToken: config.SLACK_APP_TOKEN,
        socketMode: true,
        installerOptions: { clientOptions: { ...clientOptions } },
      })
    : new App({
        ...common,
        receiver: new ExpressReceiver({
          signingSecret: config.SLACK_SIGNING_SECRET ?? '',
          app: httpApp,
          endpoints: SLACK_EVENTS_PATH,
          logger: boltLogger(logger),
        }),
      });

  registerWinbackCommand(app);
  app.error(async (error) => {
    logger.error({ err: error, code: error.code }, 'slack handler failed');
  });
  return app;
}
