import { Pool } from 'undici';
import { quantile } from '../support/stats.ts';

export interface LoadRun {
  seconds: number;
  sent: number;
  /** Answers other than 200, and requests that failed outright. */
  failures: number;
  p50Ms: number;
  p99Ms: number;
}

export interface Load {
  origin: string;
  path: string;
  count: number;
  concurrency: number;
  /** The body and headers of request `i`, built before its clock starts. */
  request(i: number): { body: string; headers: Record<string, string> };
  /** Stop taking new requests after this long, so a stuck server cannot hold the run. */
  deadlineMs: number;
}

/**
 * Sends `count` POSTs with exactly `concurrency` in flight over keep-alive connections, one per worker, and
 * times each from send to the last byte of the answer.
 */
export async function fireRequests(load: Load): Promise<LoadRun> {
  const pool = new Pool(load.origin, { connections: load.concurrency, pipelining: 1 });
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + load.deadlineMs;

  const worker = async () => {
    while (next < load.count && performance.now() < deadline) {
      const { body, headers } = load.request(next++);
      const sentAt = performance.now();
      try {
        const answer = await pool.request({ path: load.path, method: 'POST', body, headers });
        await answer.body.dump();
        if (answer.statusCode !== 200) failures += 1;
      } catch {
        failures += 1;
      }
      latencies.push(performance.now() - sentAt);
    }
  };
  await Promise.all(Array.from({ length: load.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();

  latencies.sort((a, b) => a - b);
  return {
    seconds,
    sent: latencies.length,
    failures,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
  };
}
