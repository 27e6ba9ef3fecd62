import path from 'node:path';
import { profilingFlags } from '../support/profiling.ts';
import { runMeasured } from '../support/run-measured.ts';
import { IMPORT_MAP } from './write-account-files.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/winback.js');

export interface ImportRun {
  /** Wall time from spawn to exit: what a user waits for, Node and tsx start-up included. */
  seconds: number;
  /** The time the command itself reports, from opening the file to the commit. */
  reportedSeconds: number;
  peakRssMiB: number;
  /** User plus system CPU of the command; NaN without GNU time. */
  cpuSeconds: number;
  inserted: number;
  unchanged: number;
}

/** `winback import accounts FILE` as a user runs it, into the database at `url`. */
export async function runImportCli(file: string, url: string, dataDir: string, source: string): Promise<ImportRun> {
  const args = [
    ...profilingFlags(),
    BIN,
    'import',
    'accounts',
    file,
    '--map',
    IMPORT_MAP,
    '--currency',
    'USD',
    '--source',
    source,
  ];
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATABASE_URL: url,
    WINBACK_DATA_DIR: dataDir,
  };
  const run = await runMeasured(process.execPath, args, env);

  const summary = run.stdout.match(/\((\d+) inserted, (\d+) updated, (\d+) unchanged, (\d+) rejected\) in ([\d.]+) s/);
  if (run.code !== 0 || !summary) {
    throw new Error(`winback import failed (exit ${run.code}):\n${run.stdout}\n${run.stderr.slice(-4000)}`);
  }
  return {
    seconds: run.seconds,
    reportedSeconds: Number(summary[5]),
    peakRssMiB: run.peakRssMiB,
    cpuSeconds: run.cpuSeconds,
    inserted: Number(summary[1]),
    unchanged: Number(summary[3]),
  };
}
