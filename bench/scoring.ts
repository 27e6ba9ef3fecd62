// Rescoring at scale: N generated accounts in a throwaway embedded PostgreSQL, the full rescore timed end to
// end against one SQL aggregate over the same table, then a rescore with nothing changed and an
// incremental one after a small batch. Standalone: node bin/run-ts.js bench/scoring.ts [--rows N]
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import pino from 'pino';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createPrismaClient } from '../src/db/prisma.ts';
import { rescoreAccounts } from '../src/scoring/rescore-accounts.ts';

const GOAL_SECONDS = 30;
const GOAL_RATIO = 5;
const BATCH = 50_000;
const SETTINGS = { WINBACK_GROSS_MARGIN: 0.8, WINBACK_MONTHLY_CHURN_RATE: undefined, WINBACK_PARETO_SHARE: 0.8 };
const AGGREGATE = `SELECT currency, count(*), sum("mrrMinor"), avg("totalPaidMinor") FROM "Account" GROUP BY currency`;

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const rows = Number(values.rows.replaceAll('_', ''));
if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows: expected a whole number ≥ 1, got "${values.rows}"`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// A fixed-seed generator, so every run scores the same population.
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** One batch of accounts as unnest() columns: a SaaS-like mix of plans, tenures, churn and missing data. */
function accountColumns(from: number, count: number, random: () => number, now: number) {
  const columns: unknown[][] = Array.from({ length: 14 }, () => []);
  const day = 86_400_000;
  for (let index = from; index < from + count; index++) {
    const churned = random() < 0.27;
    const tenure = Math.floor(random() * 72);
    const mrr = [1900, 4900, 9900, 19_900, 49_900][Math.floor(random() * 5)] as number;
    const row = [
      `cus_${index.toString(36)}`,
      `Company ${index}`,
      random() < 0.9 ? 'USD' : 'EUR',
      churned ? 'churned' : random() < 0.05 ? 'past_due' : 'active',
      mrr,
      random() < 0.8 ? mrr * tenure - Math.floor(random() * mrr) : null,
      random() < 0.5 ? tenure : null,
      tenure,
      random() < 0.85 ? new Date(now - Math.floor(random() * 400 * day)) : null,
      new Date(now - (tenure * 30 + 5) * day),
      churned && random() < 0.9 ? new Date(now - Math.floor(random() * 365 * day)) : null,
      churned ? new Date(now - Math.floor(random() * 30 * day)) : null,
      churned ? ['price', 'missing_feature', 'support', 'competitor', 'unused'][Math.floor(random() * 5)] : null,
      JSON.stringify({ Contract: random() < 0.55 ? 'Month-to-month' : 'One year' }),
    ];
    for (const [column, value] of row.entries()) columns[column]?.push(value);
  }
  return columns;
}

async function insertAccounts(client: pg.Client, count: number): Promise<void> {
  const random = seeded(42);
  const now = Date.now();
  for (let from = 0; from < count; from += BATCH) {
    await client.query(
      `INSERT INTO "Account" (source, "externalId", company, currency, status, "mrrMinor", "totalPaidMinor",
         "paymentCount", "tenureMonths", "lastPaymentAt", "startedAt", "churnedAt", "churnSeenAt", "churnReason",
         attributes, "updatedAt")
       SELECT 'bench', *, now() - interval '1 day' FROM unnest($1::text[], $2::text[], $3::text[], $4::"AccountStatus"[], $5::int4[],
         $6::int4[], $7::int4[], $8::int4[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[],
         $12::timestamptz[], $13::"ChurnReason"[], $14::jsonb[])`,
      accountColumns(from, Math.min(BATCH, count - from), random, now),
    );
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result };
}

async function aggregateSeconds(client: pg.Client): Promise<number> {
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) runs.push((await timed(() => client.query(AGGREGATE))).seconds);
  return runs.sort((a, b) => a - b)[1] as number;
}

const logger = pino({ level: 'warn' });
const dir = await mkdtemp(path.join(os.tmpdir(), 'winback-bench-scoring-'));
// mkdtemp makes the folder private; as root the server runs as the postgres user and must enter it.
await chmod(dir, 0o755);
const server = await startEmbeddedPostgres(dir, await freePort(), logger);
try {
  await server.createDatabase('bench_scoring');
  const url = server.urlFor('bench_scoring');
  await migrateDatabase(url, logger, { apply: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const prisma = createPrismaClient(url);

  console.error(`scoring: inserting ${rows.toLocaleString('en-US')} accounts`);
  await insertAccounts(client, rows);
  // What autovacuum does after a bulk load; without it the first scan also sets every hint bit.
  await client.query('VACUUM ANALYZE "Account"');

  const loadBefore = os.loadavg();
  const aggregate = await aggregateSeconds(client);
  const rescore = (mode: 'full' | 'auto') =>
    timed(() => rescoreAccounts(prisma, SETTINGS, logger, { mode, reason: 'bench' }));
  console.error('scoring: full rescore, every account new');
  const first = await rescore('full');
  console.error('scoring: full rescore, nothing changed');
  const again = await rescore('full');
  const changed = Math.max(1, Math.floor(rows / 200));
  await client.query(
    `UPDATE "Account" SET "totalPaidMinor" = coalesce("totalPaidMinor", 0) + 100, "updatedAt" = now()
     WHERE id IN (SELECT id FROM "Account" ORDER BY "externalId" LIMIT $1)`,
    [changed],
  );
  console.error(`scoring: incremental rescore after ${changed.toLocaleString('en-US')} accounts changed`);
  const incremental = await rescore('auto');
  const aggregateAfter = await aggregateSeconds(client);
  // The least any rewrite of every account costs: PostgreSQL writes a whole new row version per update.
  const floor = await timed(() => client.query(`UPDATE "Account" SET "scoredAt" = now()`));

  const line = (label: string, seconds: number, note = '') =>
    console.log(`${label.padEnd(44)} ${seconds.toFixed(2).padStart(8)} s ${note}`);
  const ratio = (seconds: number) => `${(seconds / aggregate).toFixed(1)}× the aggregate`;
  console.log(
    `\nscoring ${rows.toLocaleString('en-US')} accounts · ${os.cpus().length} cores · ${new Date().toISOString()}`,
  );
  console.log(`load average before the rescores: ${loadBefore.map((load) => load.toFixed(2)).join(' ')}`);
  line('SQL aggregate (median of 3)', aggregate);
  line(
    'full rescore, every account written',
    first.seconds,
    `${ratio(first.seconds)}, written ${first.result.written}`,
  );
  line('full rescore, nothing changed', again.seconds, `${ratio(again.seconds)}, written ${again.result.written}`);
  line(
    `incremental (${incremental.result.kind}), ${changed} changed`,
    incremental.seconds,
    `${ratio(incremental.seconds)}, written ${incremental.result.written}`,
  );
  line('SQL aggregate after the rescores', aggregateAfter);
  line('floor: UPDATE one column of every account', floor.seconds, ratio(floor.seconds));
  const met = first.seconds < GOAL_SECONDS && first.seconds <= GOAL_RATIO * aggregate;
  console.log(
    `goal < ${GOAL_SECONDS} s and ≤ ${GOAL_RATIO}× the aggregate, first full rescore: ${met ? 'met' : 'missed'}`,
  );

  await prisma.$disconnect();
  await client.end();
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
