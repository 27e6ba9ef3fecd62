import type { WebClient } from '@slack/web-api';
import type { Express } from 'express';
import type { ServerConfig } from '../config/load-config.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { sendGridWebhookRouter } from '../http/sendgrid-webhook.ts';
import { startDunningJobs } from '../jobs/dunning-jobs.ts';
import { startEmailJobs } from '../jobs/email-jobs.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Logger } from '../log.ts';
import type { EmailDeps, SlackEmailDeps } from './email-deps.ts';
import { loadEmailTemplates } from './load-templates.ts';
import { createSendGridMailer } from './sendgrid-mailer.ts';

/** Email from Slack is on once SendGrid is configured; templates are checked at start either way. */
export function slackEmailDeps(config: ServerConfig, jobs: JobQueue): SlackEmailDeps | undefined {
  const templates = loadEmailTemplates();
  return config.SENDGRID_API_KEY ? { boss: jobs.boss, templates, settings: config } : undefined;
}

export interface EmailStart {
  config: ServerConfig;
  prisma: PrismaClient;
  jobs: JobQueue;
  slack: WebClient;
  httpApp: Express;
  managerIds: () => Promise<string[]>;
  logger: Logger;
}

/** The SendGrid webhook (with its key) and the email and dunning workers (with an API key). */
export async function startEmail(start: EmailStart): Promise<void> {
  const { config } = start;
  const deps: EmailDeps = {
    prisma: start.prisma,
    boss: start.jobs.boss,
    mailer: createSendGridMailer(config),
    slack: start.slack,
    settings: config,
    templates: loadEmailTemplates(),
    managerIds: start.managerIds,
    logger: start.logger.child({ component: 'email' }),
  };
  if (config.SENDGRID_WEBHOOK_PUBLIC_KEY)
    start.httpApp.use(sendGridWebhookRouter(deps, config.SENDGRID_WEBHOOK_PUBLIC_KEY));
  if (!config.SENDGRID_API_KEY) return;
  await startEmailJobs(deps);
  await startDunningJobs(deps);
}
