// Ack latency of Claim clicks: `node bin/run-ts.js bench/claim-ack-latency.ts [--rate 100] [--seconds 20]`.
// Slack gives an interaction 3 s to be acknowledged; Bolt acks before the claim's work, so the HTTP response time
// is the ack time. The real app is compared with a bare Bolt app that only acks, both fed the same signed clicks.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import express from 'express';
import pg from 'pg';
import pino from 'pino';
import { Pool } from 'undici';
import { loadServerConfig } from '../src/config/load-config.ts';
import { startWinback } from '../src/main.ts';
import { blockAction, signSlackRequest } from '../test/support/slack-requests.ts';
import { type SlackStandIn, startSlackStandIn } from '../test/support/slack-stand-in.ts';
import { FigureSet } from './support/figures.ts';
import { startBenchPostgres } from './support/postgres.ts';
import { printTable } from './support/print-table.ts';
import { quantile } from './support/stats.ts';

const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';
const BOT_TOKEN = 'xoxb-bench-token';
const EVENTS_PATH = '/slack/events';
const GOAL_P99_MS = 100;
const GOAL_RATIO = 3;

function readOptions() {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string', default: '100' },
      seconds: { type: 'string', default: '20' },
      'warm-up': { type: 'string', default: '2' },
      repeat: { type: 'string', default: '3' },
    },
  });
  const positive = (name: keyof typeof values) => {
    const parsed = Number(values[name]);
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`--${name}: expected a number > 0`);
    return parsed;
  };
  const repeat = Math.round(positive('repeat'));
  return { rate: positive('rate'), seconds: positive('seconds'), warmUpSeconds: positive('warm-up'), repeat };
}

interface Target {
  origin: string;
  stop(): Promise<void>;
}

/** A Bolt app wired as winback wires its own (ExpressReceiver on an express app), whose Claim handler only acks. */
async function startBareBolt(slackApiUrl: string): Promise<Target> {
  const httpApp = express();
  const receiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, app: httpApp, endpoints: EVENTS_PATH });
  const app = new App({ token: BOT_TOKEN, receiver, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl } });
  app.action('claim_account', async ({ ack }) => {
    await ack();
  });
  const server: Server = createServer(httpApp);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function startApp(databaseUrl: string, slackApiUrl: string): Promise<Target> {
  const config = loadServerConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApiUrl,
  });
  const running = await startWinback(config, pino({ level: 'silent' }));
  return { origin: `http://127.0.0.1:${running.port}`, stop: running.stop };
}

/** Churned accounts to click on, one per click, so that every click is a first claim. */
async function seedAccounts(url: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Account" ("source", "externalId", "name", "company", "mrrMinor", "currency", "status",
         "churnSeenAt", "lostMrrMinor", "updatedAt")
       SELECT 'bench', 'cus_' || i, 'Contact ' || i, 'Company ' || i, 1000 + i % 50000, 'USD', 'churned',
         now(), 1000 + i % 50000, now()
       FROM generate_series(1, $1::int) AS i
       RETURNING id`,
      [count],
    );
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}

async function countClaims(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Claim"');
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

interface Load {
  rate: number;
  seconds: number;
  warmUpSeconds: number;
  accountIds: string[];
  standIn: SlackStandIn;
}

interface Measured {
  p50: number;
  p99: number;
  max: number;
  /** How late the generator sent, p99: the app shares its event loop, so this is part of the latency. */
  lateP99: number;
  /** Event-loop delay p99 while clicks arrived: how long a ready request could wait for a turn. */
  loopDelayP99: number;
  /** CPU of this whole process (load generator, stand-in and server) per click. */
  cpuPerClickMs: number;
}

/**
 * Open loop: click i is due at start + i / rate whether or not earlier clicks were answered, and its latency runs
 * from when it was due, so a stalled event loop shows up as latency instead of as a slower send rate.
 */
async function measure(target: Target, load: Load): Promise<Measured> {
  const pool = new Pool(target.origin, { connections: 64 });
  const warmUp = Math.round(load.rate * load.warmUpSeconds);
  const total = warmUp + Math.round(load.rate * load.seconds);
  const latencies: number[] = [];
  const lateness: number[] = [];
  const inFlight: Promise<void>[] = [];
  const failures: string[] = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  let cpuAtWarm = process.cpuUsage();
  const start = performance.now() + 50;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / load.rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    if (i === warmUp) {
      loopDelay.enable();
      cpuAtWarm = process.cpuUsage();
    }
    const { body, contentType } = blockAction({
      actionId: 'claim_account',
      value: load.accountIds[i] ?? '',
      userId: `U0BENCH${i % 500}`,
      responseUrl: load.standIn.responseUrl(),
    });
    const headers = { 'content-type': contentType, ...signSlackRequest({ signingSecret: SIGNING_SECRET, body }) };
    if (i >= warmUp) lateness.push(performance.now() - due);
    const sent = pool.request({ path: EVENTS_PATH, method: 'POST', headers, body }).then(
      async (response) => {
        await response.body.dump();
        if (response.statusCode !== 200) failures.push(`click ${i}: HTTP ${response.statusCode}`);
        else if (i >= warmUp) latencies.push(performance.now() - due);
      },
      (error: Error) => void failures.push(`click ${i}: ${error.message}`),
    );
    inFlight.push(sent);
  }
  await Promise.all(inFlight);
  loopDelay.disable();
  const cpu = process.cpuUsage(cpuAtWarm);
  await pool.close();
  if (failures.length > 0) throw new Error(`${failures.length} clicks failed; first: ${failures[0]}`);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    lateP99: quantile(
      lateness.sort((a, b) => a - b),
      0.99,
    ),
    loopDelayP99: loopDelay.percentile(99) / 1e6,
    cpuPerClickMs: (cpu.user + cpu.system) / 1000 / latencies.length,
  };
}

function record(set: FigureSet, label: string, measured: Measured): void {
  set.add(`${label}: ack p50`, 'ms', measured.p50);
  set.add(`${label}: ack p99`, 'ms', measured.p99);
  set.add(`${label}: ack max`, 'ms', measured.max);
  set.add(`${label}: send lateness p99`, 'ms', measured.lateP99);
  set.add(`${label}: event-loop delay p99`, 'ms', measured.loopDelayP99);
  set.add(`${label}: process CPU per click`, 'ms', measured.cpuPerClickMs);
}

const options = readOptions();
const logger = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn' }, pino.destination(2));
const postgres = await startBenchPostgres(logger);
const standIn = await startSlackStandIn();
const clicksPerRun = Math.round(options.rate * (options.seconds + options.warmUpSeconds));
const set = new FigureSet(`claim ack ${options.rate}/s × ${options.seconds} s`);
try {
  const url = await postgres.createMigratedDatabase('claims');
  const accountIds = await seedAccounts(url, clicksPerRun * options.repeat);
  for (let run = 0; run < options.repeat; run++) {
    // Each run clicks accounts nobody has claimed yet, so every click does a claim's full work.
    const load = { ...options, accountIds: accountIds.slice(run * clicksPerRun, (run + 1) * clicksPerRun), standIn };
    console.error(`run ${run + 1} of ${options.repeat}: bare Bolt app …`);
    const bare = await startBareBolt(standIn.url);
    const baseline = await measure(bare, load).finally(() => bare.stop());

    console.error(`run ${run + 1} of ${options.repeat}: winback …`);
    const app = await startApp(url, standIn.url);
    const claimsBefore = await countClaims(url);
    const measured = await measure(app, load);
    // The claims finish after their acks; give the stragglers time before counting.
    await sleep(2000);
    await app.stop();

    record(set, 'bare Bolt', baseline);
    record(set, 'winback', measured);
    set.add('winback ÷ bare Bolt, p99', '×', measured.p99 / baseline.p99);
    set.add('winback: clicks that became claims', 'n', (await countClaims(url)) - claimsBefore);
  }
  set.noteOn('winback: ack p99', (ms) => `goal < ${GOAL_P99_MS} ms: ${ms < GOAL_P99_MS ? 'met' : 'missed'}`);
  set.noteOn('winback ÷ bare Bolt, p99', (ratio) => `goal ≤ ${GOAL_RATIO}×: ${ratio <= GOAL_RATIO ? 'met' : 'missed'}`);
  set.noteOn('winback: clicks that became claims', () => `of ${clicksPerRun} a run, warm-up included`);
} finally {
  await standIn.close();
  await postgres.stop();
}
printTable(set.figures());
