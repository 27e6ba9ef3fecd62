// The daily digest on a big database: `node bin/run-ts.js bench/digest.ts [--accounts N] [--churned N]`.
// Times buildDigest (goal under 2 s) and postDigest through the Slack stand-in, whose Block Kit checks prove the
// messages pass Slack's limits. Progress goes to stderr, the table to stdout.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import pg from 'pg';
import pino from 'pino';
import { createPrismaClient, type PrismaClient } from '../src/db/prisma.ts';
import { buildDigest, type DigestOptions } from '../src/digest/build-digest.ts';
import { postDigest } from '../src/digest/post-digest.ts';
import { startSlackStandIn } from '../test/support/slack-stand-in.ts';
import { FigureSet } from './support/figures.ts';
import { startBenchPostgres } from './support/postgres.ts';
import { printTable } from './support/print-table.ts';

const GOAL_BUILD_MS = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DIGEST: DigestOptions = { highValue: { kind: 'pareto' }, maxItems: 100 };

function readOptions() {
  const { values } = parseArgs({
    options: {
      accounts: { type: 'string', default: '1000000' },
      churned: { type: 'string', default: '10000' },
      failures: { type: 'string', default: '500' },
      repeat: { type: 'string', default: '7' },
    },
  });
  const whole = (name: keyof typeof values) => {
    const parsed = Number(String(values[name]).replaceAll('_', ''));
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name}: expected a whole number ≥ 1`);
    return parsed;
  };
  const options = {
    accounts: whole('accounts'),
    churned: whole('churned'),
    failures: whole('failures'),
    repeat: whole('repeat'),
  };
  if (options.churned > options.accounts) throw new Error('--churned cannot exceed --accounts');
  return options;
}

// Accounts 1..churned churned within the last day; of the rest a quarter churned long ago (so the index on
// (status, churnSeenAt) has to skip them) and one in fifty is past due.
const SEED_ACCOUNTS = `
INSERT INTO "Account" ("source", "externalId", "name", "company", "email", "plan", "mrrMinor", "currency",
  "tenureMonths", "status", "churnReason", "churnedAt", "churnSeenAt", "lostMrrMinor", "updatedAt")
SELECT 'bench', 'cus_' || i, 'Contact ' || i,
  (ARRAY['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne'])
    [1 + i % 10] || ' ' || (ARRAY['Labs', 'Systems', 'Analytics', 'Cloud', 'Studio', 'Logistics', 'Health', 'Foods'])
    [1 + (i / 10) % 8] || ' ' || i,
  'user' || i || '@example.com', (ARRAY['starter', 'team', 'business'])[1 + i % 3], v.mrr, 'USD', 1 + i % 60,
  v.status::"AccountStatus",
  CASE WHEN v.status = 'churned' THEN
    (ARRAY['price', 'missing_feature', 'support', 'competitor', 'usability', 'involuntary', 'unused', 'low_quality',
      'other'])[1 + i % 9]::"ChurnReason" END,
  v.seen, v.seen, CASE WHEN v.status = 'churned' THEN v.mrr END, now()
FROM generate_series(1, $1::int) AS i,
LATERAL (SELECT 1000 + (i::bigint * 104729) % 49000 AS mrr,
  CASE WHEN i <= $2 OR i % 4 = 0 THEN 'churned' WHEN i % 50 = 1 THEN 'past_due' ELSE 'active' END AS status) AS s,
LATERAL (SELECT s.mrr::int AS mrr, s.status,
  CASE WHEN i <= $2 THEN now() - (i % 1440) * interval '1 minute'
    WHEN s.status = 'churned' THEN now() - interval '2 days' - (i % 365) * interval '1 day' END AS seen) AS v`;

// Every account scored. `rank` spreads CLV evenly, so paretoPriority marks exactly the top 20% by CLV, as
// scoring would; with a future value of 0 the CLV is the revenue so far. The other inputs are placeholders
// the digest never reads.
const SEED_SCORES = `
INSERT INTO "StoredAccountScore" ("accountId", currency, "paretoPriority", "rfmRecency", "rfmFrequency",
  "rfmMonetary", "rfmSegment", "revenueSoFarMinor", "revenueSource", "scoredAt")
SELECT id, currency, r.rank >= 80000, 3, 3, 3, 'need_attention', 10000 + r.rank * 50, 'total_paid', now()
FROM "Account", LATERAL (SELECT (substr("externalId", 5)::bigint * 7919 % 100000)::int AS rank) AS r`;

const SEED_CURRENCIES = `
INSERT INTO "ScoringCurrency" (currency, "arpaMinor", "grossMargin", "monthlyChurnRate", "churnRateFloored",
  "churnRateSource", "futureValueMinor", "measuredAt")
SELECT DISTINCT currency, 0, 0.8, 0.05, false, 'config', 0, now() FROM "Account"`;

const SEED_FAILURES = `
INSERT INTO "PaymentFailure" ("accountId", "source", "invoiceId", "amountMinor", "currency", "declineCode",
  "attemptCount", "nextRetryAt", "failedAt", "status", "updatedAt")
SELECT id, 'bench', 'in_' || n, "mrrMinor", 'USD', 'card_declined', 1 + n % 3, now() + interval '2 days',
  now() - (n % 72) * interval '1 hour', 'open', now()
FROM (SELECT id, "mrrMinor", row_number() OVER () AS n FROM "Account" WHERE status = 'past_due' LIMIT $1) AS a`;

async function seed(url: string, accounts: number, churned: number, failures: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(SEED_ACCOUNTS, [accounts, churned]);
    await client.query(SEED_SCORES);
    await client.query(SEED_CURRENCIES);
    await client.query(SEED_FAILURES, [failures]);
    // Fresh tables have no statistics; the planner would guess, where a live database has autovacuum's.
    await client.query('VACUUM ANALYZE "Account", "StoredAccountScore", "PaymentFailure"');
  } finally {
    await client.end();
  }
}

/** A channel whose previous digest ended a day ago, so the next one covers exactly the last day. */
async function channelWithYesterday(prisma: PrismaClient, channelId: string, now: Date) {
  const yesterday = DateTime.fromJSDate(now, { zone: 'UTC' }).minus({ days: 1 });
  await prisma.digest.create({
    data: {
      channelId,
      localDate: new Date(`${yesterday.toISODate()}T00:00:00Z`),
      timezone: 'UTC',
      status: 'posted',
      periodEnd: new Date(now.getTime() - DAY_MS),
      postedAt: new Date(now.getTime() - DAY_MS),
    },
  });
  return { channelId, time: { hour: 8, minute: 30 }, zone: 'UTC' };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const options = readOptions();
const logger = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn' }, pino.destination(2));
const postgres = await startBenchPostgres(logger);
const standIn = await startSlackStandIn();
const set = new FigureSet(
  `digest ${options.accounts.toLocaleString('en-US')} / ${options.churned.toLocaleString('en-US')}`,
);
try {
  const url = await postgres.createMigratedDatabase('digest');
  console.error(`seeding ${options.accounts} accounts, ${options.churned} churned today …`);
  const seeded = await timed(() => seed(url, options.accounts, options.churned, options.failures));
  set.add('seed: INSERT … generate_series + VACUUM ANALYZE', 's', seeded.ms / 1000);

  const prisma = createPrismaClient(url);
  const slack = new WebClient('xoxb-bench-token', { slackApiUrl: standIn.url });
  try {
    const now = new Date();
    const day = DateTime.fromJSDate(now, { zone: 'UTC' });
    const period = { start: new Date(now.getTime() - DAY_MS), end: now };
    // The first call pays for the connection pool, Prisma's query compiler and cold PostgreSQL pages.
    const first = await timed(() => buildDigest(prisma, period, day, DIGEST));
    set.add('buildDigest, first call (cold)', 'ms', first.ms);
    for (let run = 1; run <= options.repeat; run++) {
      const built = await timed(() => buildDigest(prisma, period, day, DIGEST));
      set.add('buildDigest', 'ms', built.ms);
      set.add('digest: accounts churned today', 'n', built.value.summary.churnedAccounts);
      set.add('digest: lines', 'n', built.value.items.length);
      set.add('digest: messages', 'n', built.value.messages.length);
    }
    set.noteOn('buildDigest', (ms) => `goal < ${GOAL_BUILD_MS} ms: ${ms < GOAL_BUILD_MS ? 'met' : 'missed'}`);

    for (let run = 1; run <= options.repeat; run++) {
      const channel = await channelWithYesterday(prisma, `C0BENCH${run}`, now);
      standIn.reset();
      const posted = await timed(() => postDigest(prisma, slack, channel, { ...DIGEST, quiet: 'note' }, logger, now));
      const rejected = standIn.callsTo('chat.postMessage').filter((call) => call.response.ok !== true);
      if (posted.value.status !== 'posted' || rejected.length > 0) {
        const reasons = rejected.map((call) => call.response.error).join(', ');
        throw new Error(`postDigest: ${posted.value.status}; Slack stand-in refused: ${reasons || 'nothing'}`);
      }
      set.add('postDigest (build + chat.postMessage + record)', 'ms', posted.ms);
      set.add('postDigest: messages accepted by the stand-in', 'n', posted.value.messages);
    }
  } finally {
    await prisma.$disconnect();
  }
} finally {
  await standIn.close();
  await postgres.stop();
}
printTable(set.figures());
