import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { runCopy } from './import/run-copy.ts';
import { runImportCli } from './import/run-import-cli.ts';
import { timeParsePhases } from './import/time-parse-phases.ts';
import { writeAccountFiles } from './import/write-account-files.ts';
import { type Figure, FigureSet } from './support/figures.ts';
import { type BenchPostgres, startBenchPostgres } from './support/postgres.ts';
import { machineBusySeconds } from './support/process-cpu.ts';

export interface ImportBenchOptions {
  rows: number;
  repeat: number;
  logger: Logger;
}

const SOURCE = 'bench';
/** The import should land rows within this factor of COPY's time. */
const GOAL_RATIO = 3;

/** Runs `work` and reports the CPU seconds PostgreSQL, and the whole machine, spent meanwhile. */
async function withServerCpu<T>(postgres: BenchPostgres, work: () => Promise<T>) {
  const [server, machine] = [await postgres.cpuSeconds(), await machineBusySeconds()];
  const result = await work();
  return {
    result,
    serverCpu: (await postgres.cpuSeconds()) - server,
    machineCpu: (await machineBusySeconds()) - machine,
  };
}

const goalNote = (ratio: number) =>
  ratio <= GOAL_RATIO
    ? `goal ≤ ${GOAL_RATIO}× COPY: met`
    : `goal ≤ ${GOAL_RATIO}× COPY: missed, ${(ratio / GOAL_RATIO).toFixed(1)}× too slow`;

/**
 * CSV import against COPY of the same rows into the same table, each repetition on two fresh databases;
 * then the same file again (every row unchanged), and the parse and validate phases alone.
 */
export async function benchImport({ rows, repeat, logger }: ImportBenchOptions): Promise<Figure[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'winback-bench-import-'));
  const postgres = await startBenchPostgres(logger);
  const set = new FigureSet(`import ${rows.toLocaleString('en-US')} rows`);
  try {
    console.error(`import: writing ${rows.toLocaleString('en-US')} rows as CSV and as COPY input in ${dir}`);
    const files = await writeAccountFiles(dir, rows, SOURCE);
    set.add('CSV file size', 'MiB', files.importBytes / 2 ** 20);

    for (let run = 1; run <= repeat; run++) {
      const importUrl = await postgres.createMigratedDatabase('import');
      const copyUrl = await postgres.createMigratedDatabase('copy');
      // Alternate which goes first, so neither always meets the other's checkpoint and dirty pages.
      const copy = () => withServerCpu(postgres, () => runCopy(files.copyFile, copyUrl));
      const importFile = () => withServerCpu(postgres, () => runImportCli(files.importFile, importUrl, dir, SOURCE));
      const copyFirst = run % 2 === 0 ? await copy() : undefined;
      const first = await importFile();
      const { result: copySeconds, serverCpu: copyServerCpu } = copyFirst ?? (await copy());
      const again = await importFile();
      if (first.result.inserted !== rows || again.result.unchanged !== rows) {
        const got = `${first.result.inserted} and ${again.result.unchanged}`;
        throw new Error(`expected ${rows} rows inserted, then ${rows} unchanged; got ${got}`);
      }
      const phases = await timeParsePhases(files.importFile, rows, SOURCE);
      const took = (seconds: number) => `${seconds.toFixed(1)} s`;
      console.error(
        `import: run ${run}/${repeat}: import ${took(first.result.seconds)}, COPY ${took(copySeconds)}, ` +
          `re-import ${took(again.result.seconds)}, parse + zod ${took(phases.validateSeconds)}`,
      );

      set.add('COPY baseline (psql \\copy)', 'rows/s', rows / copySeconds);
      set.add('winback import, empty table', 'rows/s', rows / first.result.seconds);
      set.add('import time ÷ COPY time', '×', first.result.seconds / copySeconds);
      set.add('re-import, every row unchanged', 'rows/s', rows / again.result.seconds);
      set.add('peak RSS, import', 'MiB', first.result.peakRssMiB);
      set.add('peak RSS, re-import', 'MiB', again.result.peakRssMiB);
      set.add('start-up (wall − reported time)', 's', first.result.seconds - first.result.reportedSeconds);
      // Cores kept busy while each ran: which side, Node or PostgreSQL, the time is spent in.
      set.add('import: CPU, winback process', 'cores', first.result.cpuSeconds / first.result.seconds);
      set.add('import: CPU, PostgreSQL', 'cores', first.serverCpu / first.result.seconds);
      const rest = first.machineCpu - first.serverCpu - first.result.cpuSeconds;
      set.add('import: CPU, rest of machine', 'cores', Math.max(0, rest) / first.result.seconds);
      set.add('COPY: CPU, PostgreSQL', 'cores', copyServerCpu / copySeconds);
      set.add('re-import: CPU, winback process', 'cores', again.result.cpuSeconds / again.result.seconds);
      set.add('re-import: CPU, PostgreSQL', 'cores', again.serverCpu / again.result.seconds);
      // CPU per row holds still when other work on the machine takes cores away; wall time does not.
      const perRow = (seconds: number) => (1e6 * seconds) / rows;
      set.add('import: winback CPU per row', 'µs', perRow(first.result.cpuSeconds));
      set.add('import: PostgreSQL CPU per row', 'µs', perRow(first.serverCpu));
      set.add('COPY: PostgreSQL CPU per row', 'µs', perRow(copyServerCpu));
      set.add('re-import: winback CPU per row', 'µs', perRow(again.result.cpuSeconds));
      set.add('re-import: PostgreSQL CPU per row', 'µs', perRow(again.serverCpu));
      set.add('phase: csv-parse only', 'rows/s', rows / phases.parseSeconds);
      set.add('phase: csv-parse + map + zod', 'rows/s', rows / phases.validateSeconds);
      set.add('share of import in parse + zod', '%', (100 * phases.validateSeconds) / first.result.reportedSeconds);
      await postgres.dropDatabases();
    }
    set.noteOn('import time ÷ COPY time', goalNote);
    set.noteOn('share of import in parse + zod', () => 'reading overlaps the SQL; near 100%, reading sets the pace');
    return set.figures();
  } finally {
    await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
