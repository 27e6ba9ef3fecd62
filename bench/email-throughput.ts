// Queues and sends personalised win-back emails to the SendGrid stand-in, batched as SendGrid allows
// (1000 personalizations per request), and prints emails/s and the app's own CPU per email.
//   node bin/run-ts.js bench/email-throughput.ts [--count 100000]
// The stand-in runs in a child process so that process.cpuUsage() counts winback's work alone;
// PostgreSQL is a separate process too (embedded, in a temp folder, removed at the end).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WebClient } from '@slack/web-api';
import PgBoss from 'pg-boss';
import pino from 'pino';
import { teamSchema } from '../src/config/team-settings.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createPrismaClient } from '../src/db/prisma.ts';
import { assignVariant } from '../src/domain/email/assign-variant.ts';
import { renderEmail } from '../src/domain/email/render-email.ts';
import type { EmailDeps } from '../src/email/email-deps.ts';
import { emailSchema } from '../src/email/email-settings.ts';
import { loadEmailTemplates } from '../src/email/load-templates.ts';
import { mergeValuesFor } from '../src/email/merge-values.ts';
import { type NewEmail, queueBulkEmails } from '../src/email/queue-email.ts';
import { sendEmailBatch } from '../src/email/send-email-batch.ts';
import { emailSendBatchJob } from '../src/email/send-jobs.ts';
import { createSendGridMailer, type Mailer } from '../src/email/sendgrid-mailer.ts';
import { freePort } from '../test/support/free-port.ts';

const CHILD_FLAG = '--stand-in-child';

async function runStandInChild(): Promise<void> {
  const { startSendGridStandIn } = await import('../test/support/sendgrid-stand-in.ts');
  const standIn = await startSendGridStandIn();
  // Bodies are checked, then dropped: 100 requests of 1000 personalizations need not stay in memory.
  const keep = setInterval(() => {
    standIn.accepted.length = 0;
    standIn.requests.length = 0;
  }, 200);
  process.stdout.write(`${JSON.stringify({ url: standIn.url, apiKey: standIn.apiKey })}\n`);
  process.stdin.on('end', () => {
    clearInterval(keep);
    void standIn.close().then(() => process.exit(0));
  });
  process.stdin.resume();
}

function startStandInChild(): Promise<{ url: string; apiKey: string; stop: () => void }> {
  const child = spawn(process.execPath, [path.resolve('bin/run-ts.js'), 'bench/email-throughput.ts', CHILD_FLAG], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (chunk: Buffer) => {
      const { url, apiKey } = JSON.parse(chunk.toString('utf8')) as { url: string; apiKey: string };
      resolve({ url, apiKey, stop: () => child.stdin.end() });
    });
  });
}

function countOption(): number {
  const index = process.argv.indexOf('--count');
  const value = index >= 0 ? Number(process.argv[index + 1]) : 100_000;
  if (!Number.isInteger(value) || value < 1 || value > 1_000_000) throw new Error('--count takes 1 to 1000000');
  return value;
}

/** CPU seconds this process used while `work` ran, with its wall time. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

async function main(): Promise<void> {
  const count = countOption();
  const logger = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'winback-email-bench-'));
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres(dir, await freePort(), logger);
  const standIn = await startStandInChild();
  try {
    await server.createDatabase('bench_email');
    const url = server.urlFor('bench_email');
    await migrateDatabase(url, logger, { apply: true });
    const prisma = createPrismaClient(url);
    const boss = new PgBoss({ connectionString: url });
    // Stopping the server at the end ends pg-boss's idle connections; nothing else is expected here.
    boss.on('error', (error) => logger.debug({ err: error }, 'job queue error'));
    await boss.start();
    await boss.createQueue(emailSendBatchJob.queue, emailSendBatchJob.queueOptions);

    const env = {
      SENDGRID_API_KEY: standIn.apiKey,
      SENDGRID_API_URL: standIn.url,
      WINBACK_FROM_EMAIL: 'winback@example.com',
      // No quiet hours: the figure is throughput, not the clock the bench happens to run at.
      WINBACK_EMAIL_QUIET_HOURS: '00:00-00:00',
      WINBACK_SURVEY_URL: 'https://survey.example.com/exit',
    };
    const settings = { ...teamSchema.parse(env), ...emailSchema.parse(env) };
    let requests = 0;
    const real = createSendGridMailer(settings);
    const mailer: Mailer = {
      send: (data) => {
        requests += 1;
        return real.send(data);
      },
    };
    const templates = loadEmailTemplates();
    const deps: EmailDeps = {
      prisma,
      boss,
      mailer,
      slack: new WebClient('xoxb-bench'),
      settings,
      templates,
      managerIds: async () => [],
      logger,
    };

    console.error(`creating ${count} accounts…`);
    const accounts = Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      source: 'bench',
      externalId: `cus_${i}`,
      contactName: `Customer ${i} O'Brien & <Co>`,
      company: `Company ${i}`,
      email: `customer${i}@example.com`,
      status: 'churned' as const,
      churnReason: 'other' as const,
    }));
    for (let i = 0; i < accounts.length; i += 10_000) {
      await prisma.account.createMany({ data: accounts.slice(i, i + 10_000) });
    }
    // What autovacuum has long done to the accounts of a live database before anyone emails them.
    await prisma.$executeRawUnsafe('VACUUM ANALYZE "Account"');

    const template = templates.get('winback_other');
    if (!template) throw new Error('templates/winback_other.tmpl is missing');
    const campaign = randomUUID();
    console.error('rendering and queueing…');
    const queued = await measured(async () => {
      const emails: NewEmail[] = accounts.map((account) => {
        const variant = assignVariant(template.key, account.id, template.variants);
        const values = mergeValuesFor({ account: { ...account, timezone: null }, repName: 'Sam', settings });
        const rendered = renderEmail(template, variant, values);
        if (rendered.status !== 'ok') throw new Error(`account ${account.id}: missing ${rendered.missing[0]?.tag}`);
        return {
          idempotencyKey: `bulk:${campaign}:${account.id}`,
          accountId: account.id,
          kind: 'winback',
          template: template.key,
          variant,
          toEmail: account.email,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          mergeValues: values,
          scheduledFor: new Date(Date.now() - 1000),
        };
      });
      return queueBulkEmails(prisma, boss, emails);
    });

    console.error('sending…');
    // One batch job per variant, as the email-send-batch workers would run them, side by side.
    const sent = await measured(async () => {
      const counts = await Promise.all(
        template.variants.map((variant) => sendEmailBatch(deps, { template: template.key, variant })),
      );
      return counts.reduce((sum, n) => sum + n, 0);
    });
    const stillQueued = await prisma.emailMessage.count({ where: { status: { not: 'sent' } } });

    const perEmailUs = (cpuSeconds: number) => ((cpuSeconds * 1e6) / count).toFixed(1);
    const cpus = os.cpus();
    console.log(
      `\n${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus.length} × ${cpus[0]?.model}`,
    );
    console.log(`emails: ${count} (queued ${queued.result}, sent ${sent.result}, not sent ${stillQueued})`);
    console.log(
      `SendGrid requests: ${requests} (${(sent.result / Math.max(1, requests)).toFixed(0)} personalizations each)`,
    );
    console.log(
      `queue (render + outbox rows + jobs): ${queued.seconds.toFixed(2)} s, ` +
        `${(count / queued.seconds).toFixed(0)} emails/s, ` +
        `app CPU ${perEmailUs(queued.cpuSeconds)} µs/email`,
    );
    console.log(
      `send (claim + request + record):     ${sent.seconds.toFixed(2)} s, ` +
        `${(count / sent.seconds).toFixed(0)} emails/s, ` +
        `app CPU ${perEmailUs(sent.cpuSeconds)} µs/email`,
    );
    const total = queued.seconds + sent.seconds;
    console.log(
      `end to end:                          ${total.toFixed(2)} s, ${(count / total).toFixed(0)} emails/s, ` +
        `app CPU ${perEmailUs(queued.cpuSeconds + sent.cpuSeconds)} µs/email`,
    );
    await boss.stop({ graceful: true, wait: true });
    await prisma.$disconnect();
  } finally {
    standIn.stop();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes(CHILD_FLAG)) await runStandInChild();
else await main();
