import { STRIPE_WEBHOOK_PATH } from '../../src/http/stripe-webhook.ts';
import type { ChildServer } from '../support/child-server.ts';
import { machineBusySeconds, processCpuSeconds, processPeakRssMiB } from '../support/process-cpu.ts';
import { fireRequests, type LoadRun } from './fire-requests.ts';

export interface LoadShape {
  events: number;
  concurrency: number;
  request(i: number): { body: string; headers: Record<string, string> };
  /** CPU seconds PostgreSQL has used so far, when it can be read. */
  postgresCpuSeconds(): Promise<number>;
}

/** Cores kept busy over the measured part, by who: on 2 cores, this says which one ran out first. */
export interface CpuSplit {
  server: number;
  postgres: number;
  /** This process: building, signing and timing the requests. */
  loadGenerator: number;
  /** The rest of the machine: other work running at the same time. */
  other: number;
}

export interface Measured extends LoadRun {
  warmUp: number;
  cpu: CpuSplit;
  serverPeakRssMiB: number;
}

async function cpuCounters(server: ChildServer, shape: LoadShape) {
  const { user, system } = process.cpuUsage();
  return {
    server: await processCpuSeconds(server.pid),
    postgres: await shape.postgresCpuSeconds(),
    loadGenerator: (user + system) / 1e6,
    machine: await machineBusySeconds(),
  };
}

/** A warm-up (JIT, connection pools, first rows) is sent first and left out of every figure. */
export async function measureLoad(server: ChildServer, shape: LoadShape): Promise<Measured> {
  const warmUp = Math.min(1000, Math.ceil(shape.events / 10));
  const base = { origin: server.origin, path: STRIPE_WEBHOOK_PATH, concurrency: shape.concurrency };
  // Bounded in time as well as count: a server that stalls ends the run instead of holding it.
  const deadlineMs = 10 * 60_000;
  const warm = await fireRequests({ ...base, count: warmUp, request: shape.request, deadlineMs });

  const before = await cpuCounters(server, shape);
  const run = await fireRequests({
    ...base,
    count: shape.events,
    request: (i) => shape.request(warmUp + i),
    deadlineMs,
  });
  const after = await cpuCounters(server, shape);
  const cores = (key: keyof typeof before) => (after[key] - before[key]) / run.seconds;
  const known = cores('server') + (cores('postgres') || 0) + cores('loadGenerator');
  return {
    ...run,
    failures: run.failures + warm.failures,
    warmUp: warm.sent,
    cpu: {
      server: cores('server'),
      postgres: cores('postgres'),
      loadGenerator: cores('loadGenerator'),
      other: Math.max(0, cores('machine') - known),
    },
    serverPeakRssMiB: await processPeakRssMiB(server.pid),
  };
}
