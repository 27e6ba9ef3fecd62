import { randomUUID } from 'node:crypto';
import { WebClient } from '@slack/web-api';
import pino from 'pino';
import { afterAll } from 'vitest';
import { teamSchema } from '../../src/config/team-settings.ts';
import type { EmailDeps } from '../../src/email/email-deps.ts';
import { emailSchema } from '../../src/email/email-settings.ts';
import { loadEmailTemplates } from '../../src/email/load-templates.ts';
import { emailSendBatchJob, emailSendJob } from '../../src/email/send-jobs.ts';
import { createSendGridMailer } from '../../src/email/sendgrid-mailer.ts';
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { startJobQueue } from '../../src/jobs/job-queue.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { type SendGridStandIn, startSendGridStandIn } from '../support/sendgrid-stand-in.ts';
import { type SlackStandIn, startSlackStandIn } from '../support/slack-stand-in.ts';

export interface EmailRig {
  db: TestDatabase;
  sendgrid: SendGridStandIn;
  slack: SlackStandIn;
  deps: EmailDeps;
  /** The same deps with other settings (quiet hours, cap, sandbox). */
  withSettings(env: Record<string, string>): EmailDeps;
  /** Jobs waiting in a queue, as pg-boss stored them. */
  jobsIn(queue: string): Promise<{ data: unknown; startAfter: Date }[]>;
}

// No quiet hours unless a test asks: the suite must not depend on the hour it runs at.
const BASE_ENV = {
  SENDGRID_API_KEY: 'SG.stand-in.key',
  WINBACK_FROM_EMAIL: 'winback@example.com',
  WINBACK_EMAIL_QUIET_HOURS: '00:00-00:00',
  WINBACK_APP_URL: 'https://app.example.com',
  WINBACK_BOOKING_URL: 'https://book.example.com/cs',
  WINBACK_SURVEY_URL: 'https://survey.example.com/exit',
  WINBACK_DIGEST_CHANNELS: 'C0DIGEST1',
};

/**
 * Email services on a fresh database with a started pg-boss (no workers: tests run the handlers
 * themselves), the real @sendgrid/mail client aimed at the SendGrid stand-in, and Slack's stand-in.
 */
export async function startEmailRig(): Promise<EmailRig> {
  const db = await createTestDatabase();
  const sendgrid = await startSendGridStandIn();
  const slack = await startSlackStandIn();
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const jobs = await startJobQueue(db.url, logger);
  await jobs.boss.createQueue(emailSendJob.queue);
  await jobs.boss.createQueue(emailSendBatchJob.queue, emailSendBatchJob.queueOptions);
  afterAll(async () => {
    await jobs.stop();
    await sendgrid.close();
    await slack.close();
  });

  const settingsFor = (overrides: Record<string, string>) => {
    // As the config loader does: an empty value means unset.
    const env = Object.fromEntries(
      Object.entries({ ...BASE_ENV, SENDGRID_API_URL: sendgrid.url, ...overrides }).filter(([, value]) => value !== ''),
    );
    return { ...teamSchema.parse(env), ...emailSchema.parse(env) };
  };
  const withSettings = (env: Record<string, string>): EmailDeps => {
    const settings = settingsFor(env);
    return {
      prisma: db.prisma,
      boss: jobs.boss,
      mailer: createSendGridMailer(settings),
      slack: new WebClient('xoxb-test', { slackApiUrl: slack.url, retryConfig: { retries: 0 } }),
      settings,
      templates: loadEmailTemplates(),
      managerIds: async () => ['U0MANAGER'],
      logger,
    };
  };
  const jobsIn = async (queue: string) => {
    const rows = await db.prisma.$queryRaw<{ data: unknown; start_after: Date }[]>`
      SELECT data, start_after FROM pgboss.job WHERE name = ${queue} AND state = 'created' ORDER BY start_after`;
    return rows.map((row) => ({ data: row.data, startAfter: row.start_after }));
  };
  return { db, sendgrid, slack, deps: withSettings({}), withSettings, jobsIn };
}

export async function createAccount(db: TestDatabase, fields: Partial<Prisma.AccountUncheckedCreateInput> = {}) {
  return db.prisma.account.create({
    data: {
      source: 'test',
      externalId: `cus_${randomUUID().slice(0, 8)}`,
      company: 'Acme & Co',
      contactName: 'Ann Example',
      email: `ann+${randomUUID().slice(0, 6)}@example.com`,
      status: 'churned',
      churnReason: 'price',
      ...fields,
    },
  });
}

/** A thread for the account and an owner, so notes have somewhere to go. */
export async function giveThreadAndOwner(db: TestDatabase, accountId: string, owner = 'U0OWNER01') {
  await db.prisma.account.update({
    where: { id: accountId },
    data: { threadChannelId: 'C0THREAD1', threadTs: '1700000000.000100' },
  });
  await db.prisma.claim.create({
    data: { accountId, activeAccountId: accountId, ownerSlackId: owner, claimedBySlackId: owner },
  });
}
