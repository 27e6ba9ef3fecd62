import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { ServerConfig } from './config/load-config.ts';
import { openDatabase } from './db/open-database.ts';
import { connectDatabase, disconnectDatabase } from './db/prisma.ts';
import { loadPlaybook } from './domain/playbook/load-playbook.ts';
import { slackEmailDeps, startEmail } from './email/start-email.ts';
import { eventsApiRouter } from './http/events-api.ts';
import { healthz } from './http/healthz.ts';
import { requestLog } from './http/request-log.ts';
import { stripeWebhookRouter } from './http/stripe-webhook.ts';
import { BillingEventInbox } from './ingest/billing-events/billing-event-inbox.ts';
import { scheduleDigests } from './jobs/digest-jobs.ts';
import { startJobQueue } from './jobs/job-queue.ts';
import { scheduleOfferJobs } from './jobs/offer-jobs.ts';
import { scheduleBillingEventRetries } from './jobs/retry-billing-events.ts';
import { scheduleScoring } from './jobs/scoring-jobs.ts';
import type { Logger } from './log.ts';
import { createSlackApp } from './slack/create-slack-app.ts';

export interface RunningWinback {
  /** The port the HTTP server listens on (useful when PORT=0). */
  port: number;
  stop(): Promise<void>;
}

/** Start-up in dependency order: database → jobs → Slack app → HTTP routes. */
export async function startWinback(config: ServerConfig, logger: Logger): Promise<RunningWinback> {
  // Checked before anything starts: a bad playbook stops start-up with the file and the problem.
  loadPlaybook(config.WINBACK_PLAYBOOK);
  // The app owns the embedded server: one a crashed run left behind is taken over and stopped with the app.
  const database = await openDatabase(config, logger, { runningServer: 'adopt' });
  const db = connectDatabase(database.url, logger);
  const { prisma } = db;
  const jobs = await startJobQueue(database.url, logger);

  await scheduleBillingEventRetries(jobs, db, logger);
  await scheduleScoring(jobs, { prisma, settings: config, logger });

  const inbox = new BillingEventInbox(db, logger);
  const httpApp = express();
  httpApp.use(requestLog(logger));
  httpApp.get('/healthz', healthz(prisma, jobs));
  if (config.STRIPE_WEBHOOK_SECRET) httpApp.use(stripeWebhookRouter(inbox, config.STRIPE_WEBHOOK_SECRET, logger));
  if (config.WINBACK_API_TOKEN) httpApp.use(eventsApiRouter(inbox, config.WINBACK_API_TOKEN, logger));
  const { app: slack, roles } = createSlackApp(config, httpApp, prisma, logger, slackEmailDeps(config, jobs));
  if (config.SLACK_APP_TOKEN) await slack.start();
  await startEmail({ config, prisma, jobs, slack: slack.client, httpApp, managerIds: roles.managerIds, logger });
  await scheduleDigests(jobs, {
    prisma,
    slack: slack.client,
    settings: config,
    managerMentions: roles.managerIds,
    logger,
  });
  await scheduleOfferJobs(jobs, { prisma, slack: slack.client, settings: config, roles, logger });

  const server: Server = createServer(httpApp);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const { port } = server.address() as AddressInfo;
  logger.info({ port, socketMode: Boolean(config.SLACK_APP_TOKEN) }, 'winback is listening');

  return {
    port,
    stop: async () => {
      // Reverse order: stop taking requests, drain jobs, then close the database.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      if (config.SLACK_APP_TOKEN) await slack.stop();
      await jobs.stop();
      await disconnectDatabase(db);
      await database.close();
      logger.info('winback stopped');
    },
  };
}
