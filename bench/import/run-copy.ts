import { runMeasured } from '../support/run-measured.ts';
import { COPY_COLUMNS } from './write-account-files.ts';

const PSQL = process.env.BENCH_PSQL ?? 'psql';

/**
 * The floor for landing these rows: PostgreSQL's COPY into the same table, indexes and all, through psql's
 * \copy (no COPY stream library is installed). Returns wall seconds, psql start-up included.
 */
export async function runCopy(copyFile: string, url: string): Promise<number> {
  const columns = COPY_COLUMNS.map((column) => `"${column}"`).join(', ');
  const command = `\\copy "Account" (${columns}) FROM '${copyFile.replaceAll("'", "''")}' WITH (FORMAT csv)`;
  const run = await runMeasured(PSQL, [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', command], {
    PATH: process.env.PATH ?? '',
  });
  if (run.code !== 0) throw new Error(`psql \\copy failed (exit ${run.code}):\n${run.stderr.slice(-4000)}`);
  return run.seconds;
}
