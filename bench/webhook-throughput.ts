import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { signStripeTestPayload } from '../src/ingest/stripe/verify-stripe-signature.ts';
import { startSlackStandIn } from '../test/support/slack-stand-in.ts';
import { type Figure, FigureSet } from './support/figures.ts';
import { startBenchPostgres } from './support/postgres.ts';
import { countProcessedEvents } from './webhooks/count-processed-events.ts';
import { firstLogErrors } from './webhooks/first-log-errors.ts';
import { type Measured, measureLoad } from './webhooks/measure-load.ts';
import { startBareServer } from './webhooks/start-bare-server.ts';
import { BENCH_STRIPE_SECRET, startWinback } from './webhooks/start-winback.ts';
import { loadStripeEvents } from './webhooks/stripe-events.ts';

export interface WebhookBenchOptions {
  events: number;
  concurrency: number;
  repeat: number;
  logger: Logger;
}

const GOAL_EVENTS_PER_SECOND = 1000;
/** Accounts the events are spread over; odd, so each account gets both kinds of event (see stripe-events.ts). */
const CUSTOMERS = 4999;

const goalNote = (rate: number) =>
  rate >= GOAL_EVENTS_PER_SECOND
    ? `goal ≥ ${GOAL_EVENTS_PER_SECOND}/s: met`
    : `goal ≥ ${GOAL_EVENTS_PER_SECOND}/s: missed by ${Math.round(GOAL_EVENTS_PER_SECOND - rate)}/s`;

function record(set: FigureSet, label: string, measured: Measured): void {
  set.add(`${label}: throughput`, 'events/s', measured.sent / measured.seconds);
  set.add(`${label}: p50 latency`, 'ms', measured.p50Ms);
  set.add(`${label}: p99 latency`, 'ms', measured.p99Ms);
  set.add(`${label}: CPU, server process`, 'cores', measured.cpu.server);
  set.add(`${label}: CPU, PostgreSQL`, 'cores', measured.cpu.postgres);
  set.add(`${label}: CPU, load generator`, 'cores', measured.cpu.loadGenerator);
  set.add(`${label}: CPU, rest of machine`, 'cores', measured.cpu.other);
  // Per-event CPU holds still when other work on the machine takes cores away; throughput does not.
  const perEvent = (cores: number) => (1000 * cores) / (measured.sent / measured.seconds);
  set.add(`${label}: server CPU per event`, 'ms', perEvent(measured.cpu.server));
  set.add(`${label}: PostgreSQL CPU per event`, 'ms', perEvent(measured.cpu.postgres));
}

/**
 * Signed Stripe webhooks into `winback start` on a fresh database, against a bare node:http server given the
 * same requests at the same concurrency; both servers are child processes, started anew for each run.
 */
export async function benchWebhooks({ events, concurrency, repeat, logger }: WebhookBenchOptions): Promise<Figure[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'winback-bench-webhooks-'));
  const postgres = await startBenchPostgres(logger);
  const slack = await startSlackStandIn();
  const set = new FigureSet(`webhooks ${events.toLocaleString('en-US')} × ${concurrency}`);
  try {
    for (let run = 1; run <= repeat; run++) {
      const runId = randomBytes(4).toString('hex');
      const bodyOf = await loadStripeEvents(runId, CUSTOMERS);
      const request = (i: number) => {
        const body = bodyOf(i);
        const signature = signStripeTestPayload(body, BENCH_STRIPE_SECRET);
        return { body, headers: { 'content-type': 'application/json', 'stripe-signature': signature } };
      };
      const load = { events, concurrency, request, postgresCpuSeconds: postgres.cpuSeconds };

      const bare = await startBareServer();
      const baseline = await measureLoad(bare, load).finally(() => bare.stop());

      const databaseUrl = await postgres.createMigratedDatabase('webhooks');
      const logFile = path.join(dir, `app-${run}.log`);
      const app = await startWinback({ databaseUrl, slackApiUrl: slack.url, logFile });
      const measured = await measureLoad(app, load).finally(() => app.stop());
      const processed = await countProcessedEvents(databaseUrl);
      if (measured.failures > 0 || processed !== measured.sent + measured.warmUp) {
        const errors = await firstLogErrors(logFile, 3);
        throw new Error(
          `${measured.failures} requests failed; ${processed} of ${measured.sent + measured.warmUp} events processed. ` +
            `First errors in the app's log:\n${errors.join('\n')}`,
        );
      }
      console.error(
        `webhooks: run ${run}/${repeat}: winback ${Math.round(measured.sent / measured.seconds)}/s, ` +
          `bare ${Math.round(baseline.sent / baseline.seconds)}/s`,
      );

      record(set, 'bare node:http', baseline);
      record(set, 'winback', measured);
      set.add('winback ÷ bare throughput', '×', measured.sent / measured.seconds / (baseline.sent / baseline.seconds));
      set.add('winback peak RSS', 'MiB', measured.serverPeakRssMiB);
      await postgres.dropDatabases();
    }
    set.noteOn('winback: throughput', goalNote);
    return set.figures();
  } finally {
    await slack.close();
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
