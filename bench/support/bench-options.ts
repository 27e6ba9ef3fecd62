import { parseArgs } from 'node:util';

export const BENCHMARKS = ['import', 'webhooks'] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];

export interface BenchOptions {
  benchmarks: BenchmarkName[];
  rows: number;
  events: number;
  concurrency: number;
  repeat: number;
}

export const BENCH_USAGE = `Usage: npm run bench -- [import] [webhooks] [options]

  --rows N         accounts in the generated CSV (default 1000000)
  --events N       webhook events per run (default 20000)
  --concurrency N  webhook requests in flight (default 32)
  --repeat N       runs of each measurement, for the spread (default 3)`;

function whole(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(parsed) || parsed < 1)
    throw new Error(`--${name}: expected a whole number ≥ 1, got "${value}"`);
  return parsed;
}

/** The command line of `npm run bench`: which benchmarks (all when none is named) and their sizes. */
export function parseBenchOptions(args: string[]): BenchOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      rows: { type: 'string' },
      events: { type: 'string' },
      concurrency: { type: 'string' },
      repeat: { type: 'string' },
    },
  });
  const unknown = positionals.find((name) => !(BENCHMARKS as readonly string[]).includes(name));
  if (unknown) throw new Error(`unknown benchmark "${unknown}"; the benchmarks are: ${BENCHMARKS.join(', ')}`);
  return {
    benchmarks: positionals.length > 0 ? [...new Set(positionals as BenchmarkName[])] : [...BENCHMARKS],
    rows: whole('rows', values.rows, 1_000_000),
    events: whole('events', values.events, 20_000),
    concurrency: whole('concurrency', values.concurrency, 32),
    repeat: whole('repeat', values.repeat, 3),
  };
}
