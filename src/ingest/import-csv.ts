import { recordAuditOver } from '../audit/record-audit.ts';
import type { Database } from '../db/prisma.ts';
import { requestRescore } from '../jobs/scoring-jobs.ts';
import { applyChange } from './apply/apply-change.ts';
import { inPgTransaction, type Query } from './apply/query.ts';
import { type PreparedUpserts, prepareAccountUpserts, runAccountUpserts } from './apply/upsert-accounts.ts';
import type { AccountUpsert, IngestChange } from './changes.ts';
import type { CsvImportOptions } from './csv/parse-import-options.ts';
import { type CsvProblem, readCsvChanges } from './csv/read-csv-changes.ts';
import { RejectsFile } from './csv/write-rejects.ts';

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
  /** Header columns nothing was read from. */
  ignoredColumns: readonly string[];
}

// Thrown inside the transaction to roll it back when the file is refused.
class RefusedFile extends Error {}

/**
 * Streams a CSV file into the database in one transaction: everything or, when a row is bad
 * and `skipInvalid` is off, nothing. Re-importing the same file changes nothing.
 */
export async function importCsv(database: Database, run: ImportRun): Promise<ImportSummary> {
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
    ignoredColumns: [],
  };
  const rejects = new RejectsFile(run.rejectsPath);

  try {
    // Over pg, not Prisma: handing Prisma 2,000-row arrays cost a tenth of the import's time.
    await inPgTransaction(database.pool, async (query) => {
      const writer = new BatchWriter(query, summary);
      let unreadable = false;
      try {
        const onHeader = ({ ignoredColumns }: { ignoredColumns: readonly string[] }) => {
          summary.ignoredColumns = ignoredColumns;
        };
        for await (const item of readCsvChanges(run.file, run.options, onHeader)) {
          summary.rows += 1;
          if ('change' in item) {
            await writer.add(item.change);
          } else {
            summary.rejected += 1;
            if (run.skipInvalid) await rejects.add(item);
            if (summary.problems.length < SHOWN_PROBLEMS) summary.problems.push(item);
            unreadable = item.fatal;
            if (item.fatal || (!run.skipInvalid && summary.problems.length >= SHOWN_PROBLEMS)) break;
          }
          if (summary.rows % 5_000 === 0) run.onProgress?.(summary.rows);
        }
      } finally {
        // Whatever stopped the reading, the ROLLBACK or COMMIT must not reach the connection mid-batch.
        await writer.idle();
      }
      await writer.settle();
      if (unreadable || (!run.skipInvalid && summary.rejected > 0)) throw new RefusedFile();
      await writer.flush();
      await recordAuditOver(query, {
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
    });
    summary.written = true;
    await requestRescore(database.prisma, 'csv_import');
  } catch (error) {
    await rejects.discard();
    if (!(error instanceof RefusedFile)) throw error;
    Object.assign(summary, { inserted: 0, updated: 0, unchanged: 0 });
  }

  if (summary.written && (await rejects.keep())) summary.rejectsPath = run.rejectsPath;
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/**
 * Writes one batch while the next is read: PostgreSQL and the reading each take a core, instead of taking
 * turns. One statement at a time, as a connection runs them in order anyway.
 */
class BatchWriter {
  private batch: IngestChange[] = [];
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly query: Query,
    private readonly summary: ImportSummary,
  ) {}

  /**
   * Once a batch is full: encodes it, waits for the one before, then starts it without waiting for it. Encoding
   * first keeps PostgreSQL's wait between two batches to the hand-over.
   */
  async add(change: IngestChange): Promise<void> {
    this.batch.push(change);
    if (this.batch.length < BATCH) return;

    const prepared = prepareBatch(this.batch);
    this.batch = [];
    await this.pending;
    this.pending = writeBatch(this.query, prepared, this.summary);
    // A failure surfaces at the next add or flush; until then it must not count as unhandled.
    this.pending.catch(() => {});
  }

  /** Throws what the batch in flight failed with. */
  async settle(): Promise<void> {
    await this.pending;
  }

  /** Writes what is left. */
  async flush(): Promise<void> {
    await this.settle();
    await writeBatch(this.query, prepareBatch(this.batch), this.summary);
    this.batch = [];
  }

  /** Waits for the batch in flight, whatever becomes of it. */
  async idle(): Promise<void> {
    await this.pending.catch(() => {});
  }
}

interface PreparedBatch {
  accounts: PreparedUpserts;
  /** Payment rows, applied one by one as the webhooks apply them. */
  others: IngestChange[];
}

function prepareBatch(batch: IngestChange[]): PreparedBatch {
  const accounts = batch.filter((change): change is AccountUpsert => change.kind === 'account.upsert');
  const others = batch.filter((change) => change.kind !== 'account.upsert');
  return { accounts: prepareAccountUpserts(accounts), others };
}

async function writeBatch(query: Query, batch: PreparedBatch, summary: ImportSummary) {
  const counts = await runAccountUpserts(query, batch.accounts);
  summary.inserted += counts.inserted;
  summary.updated += counts.updated;
  summary.unchanged += counts.unchanged;
  for (const change of batch.others) {
    const outcome = await applyChange(query, change);
    if (outcome === 'written') summary.updated += 1;
    else summary.unchanged += 1;
  }
}
