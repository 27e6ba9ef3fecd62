import os from 'node:os';
import pino from 'pino';
import { benchImport } from './import-throughput.ts';
import { BENCH_USAGE, type BenchOptions, parseBenchOptions } from './support/bench-options.ts';
import type { Figure } from './support/figures.ts';
import { printTable } from './support/print-table.ts';
import { benchWebhooks } from './webhook-throughput.ts';

function readOptions(): BenchOptions | undefined {
  try {
    return parseBenchOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${BENCH_USAGE}`);
    process.exitCode = 2;
    return undefined;
  }
}

const options = readOptions();
if (options) {
  // Progress goes to stderr as plain lines; this logger only carries what winback's own modules report.
  const logger = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const figures: Figure[] = [];
  for (const name of options.benchmarks) {
    if (name === 'import') figures.push(...(await benchImport({ ...options, logger })));
    else figures.push(...(await benchWebhooks({ ...options, logger })));
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\n${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} × ${cpu}\n`);
  printTable(figures);
}
