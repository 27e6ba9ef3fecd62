import { recordAudit } from '../audit/record-audit.ts';
import type { PrismaClient } from '../db/prisma.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { requestRescore } from '../jobs/scoring-jobs.ts';
import { applyChange } from './apply/apply-change.ts';
import { queryInTransaction } from './apply/query.ts';
import { upsertAccounts } from './apply/upsert-accounts.ts';
import type { AccountUpsert, IngestChange } from './changes.ts';
import type { CsvImportOptions } from './csv/parse-import-options.ts';
import { type CsvProblem, readCsvChanges } from './csv/read-csv-changes.ts';
import { writeRejects } from './csv/write-rejects.ts';

/** Problems shown when a file is refused; the rest are counted. */
export const SHOWN_PROBLEMS = 20;
const BATCH = 2000;

export interface ImportRun {
  file: string;
  options: CsvImportOptions;
  /** Import the valid rows and write the others to `rejectsPath`; otherwise one bad row refuses the file. */
  skipInvalid: boolean;
  rejectsPath: string;
  onProgress?: (rowsRead: number) => void;
}

export interface ImportSummary {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  seconds: number;
  /** The first problems found, in file order. */
  problems: CsvProblem[];
  /** false when the file was refused and nothing was written. */
  written: boolean;
  rejectsPath: string | null;
}

// Thrown inside the transaction to roll it back when the file is refused.
class RefusedFile extends Error {}

/**
 * Streams a CSV file into the database in one transaction: everything or, when a row is bad
 * and `skipInvalid` is off, nothing. Re-importing the same file changes nothing.
 */
export async function importCsv(prisma: PrismaClient, run: ImportRun): Promise<ImportSummary> {
  const started = Date.now();
  const summary: ImportSummary = {
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    seconds: 0,
    problems: [],
    written: false,
    rejectsPath: null,
  };
  const rejects: CsvProblem[] = [];

  try {
    await prisma.$transaction(
      async (tx) => {
        let batch: IngestChange[] = [];
        for await (const item of readCsvChanges(run.file, run.options)) {
          summary.rows += 1;
          if ('change' in item) {
            batch.push(item.change);
            if (batch.length >= BATCH) {
              await writeBatch(tx, batch, summary);
              batch = [];
            }
          } else {
            summary.rejected += 1;
            rejects.push(item);
            if (summary.problems.length < SHOWN_PROBLEMS) summary.problems.push(item);
            if (item.fatal || (!run.skipInvalid && summary.problems.length >= SHOWN_PROBLEMS)) break;
          }
          if (summary.rows % 5_000 === 0) run.onProgress?.(summary.rows);
        }
        const refused = rejects.some((reject) => reject.fatal) || (!run.skipInvalid && rejects.length > 0);
        if (refused) throw new RefusedFile();
        await writeBatch(tx, batch, summary);
        await recordAudit(tx, {
          actor: `system:${run.options.source}`,
          action: `import.${run.options.kind}`,
          entityType: 'import',
          entityId: run.file,
          after: {
            rows: summary.rows,
            inserted: summary.inserted,
            updated: summary.updated,
            rejected: summary.rejected,
          },
        });
      },
      // A million-row file is one transaction; let it take the time it needs.
      { timeout: 60 * 60 * 1000, maxWait: 60_000 },
    );
    summary.written = true;
    await requestRescore(prisma, 'csv_import');
  } catch (error) {
    if (!(error instanceof RefusedFile)) throw error;
    Object.assign(summary, { inserted: 0, updated: 0, unchanged: 0 });
  }

  if (summary.written && rejects.length > 0) {
    await writeRejects(run.rejectsPath, rejects);
    summary.rejectsPath = run.rejectsPath;
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

async function writeBatch(tx: Prisma.TransactionClient, batch: IngestChange[], summary: ImportSummary) {
  const accounts = batch.filter((change): change is AccountUpsert => change.kind === 'account.upsert');
  if (accounts.length > 0) {
    const counts = await upsertAccounts(queryInTransaction(tx), accounts);
    summary.inserted += counts.inserted;
    summary.updated += counts.updated;
    summary.unchanged += counts.unchanged;
  }
  for (const change of batch) {
    if (change.kind === 'account.upsert') continue;
    const outcome = await applyChange(tx, change);
    if (outcome === 'written') summary.updated += 1;
    else summary.unchanged += 1;
  }
}
