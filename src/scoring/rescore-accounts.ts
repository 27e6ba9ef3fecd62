import type { ScoringSettings } from '../config/scoring-settings.ts';
import type { PrismaClient } from '../db/prisma.ts';
import type { Logger } from '../log.ts';
import { measureScoringStats } from './measure-scoring-stats.ts';
import { countChangedAccounts, type ScoredCounts, scoreAllAccounts, scoreChangedAccounts } from './score-slices.ts';
import { scoringQuery } from './scoring-query.ts';
import {
  abandonScoringRun,
  finishScoringRun,
  loadLatestStats,
  startScoringRun,
  withScoringLock,
} from './scoring-runs.ts';
import type { ChurnRate, ScoringStats } from './scoring-stats.ts';
import { inSnapshotPair } from './snapshot-pair.ts';
import { storeCurrencyInputs } from './store-currency-inputs.ts';

/** Above this share of accounts changed since the last full run, quintile edges and ARPA are measured again. */
export const FULL_RESCORE_ABOVE = 0.05;
// An ingest transaction stamps updatedAt with its start time and may commit after a run began: accounts
// updated this long before the last full run started count as changed too.
const CHANGE_MARGIN_MS = 10 * 60_000;

export type ScoringSettingsUsed = Pick<
  ScoringSettings,
  'WINBACK_GROSS_MARGIN' | 'WINBACK_MONTHLY_CHURN_RATE' | 'WINBACK_PARETO_SHARE'
>;

export interface RescoreOptions {
  /**
   * full: measure the population again and score every account. auto: score only the accounts changed since
   * the last full run against its statistics, unless there is none yet, more than FULL_RESCORE_ABOVE of the
   * accounts changed, or a changed account is in a currency it never saw; then full.
   */
  mode: 'full' | 'auto';
  /** Why the run happens (csv_import, billing_events, nightly, cli), kept with the run. */
  reason: string;
  now?: Date;
}

export interface RescoreSummary {
  /** busy: another run held the scoring lock, nothing was done. */
  kind: 'full' | 'incremental' | 'busy';
  /** Accounts looked at, and those whose stored scores changed. */
  accounts: number;
  written: number;
  churnRate: ChurnRate | null;
  seconds: number;
}

/**
 * Recomputes CLV, RFM scores and segments and the Pareto flag of the accounts (see docs/scoring.md), and
 * writes only the accounts whose scores changed. One run at a time across instances.
 */
export async function rescoreAccounts(
  prisma: PrismaClient,
  settings: ScoringSettingsUsed,
  logger: Logger,
  options: RescoreOptions,
): Promise<RescoreSummary> {
  const summary = await withScoringLock(prisma, () => rescoreLocked(prisma, settings, logger, options));
  if (summary) return summary;
  logger.info({ reason: options.reason }, 'another scoring run is working; this one does nothing');
  return { kind: 'busy', accounts: 0, written: 0, churnRate: null, seconds: 0 };
}

async function rescoreLocked(
  prisma: PrismaClient,
  settings: ScoringSettingsUsed,
  logger: Logger,
  options: RescoreOptions,
): Promise<RescoreSummary> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const runId = await startScoringRun(prisma, options.reason, now);
  const log = logger.child({ scoringRunId: runId, reason: options.reason });

  try {
    const query = scoringQuery(prisma);
    const latest = options.mode === 'auto' ? await loadLatestStats(prisma) : null;
    const since = latest ? new Date(latest.startedAt.getTime() - CHANGE_MARGIN_MS) : null;
    const changed = since ? await countChangedAccounts(query, since) : null;
    const known = new Set(latest?.stats.currencies.map((entry) => entry.currency));
    const incremental =
      latest !== null &&
      since !== null &&
      changed !== null &&
      changed.changed <= FULL_RESCORE_ABOVE * changed.accounts &&
      changed.currencies.every((currency) => known.has(currency));

    let counts: ScoredCounts;
    let stats: ScoringStats | null = null;
    if (incremental) {
      counts = { seen: changed.changed, written: await scoreChangedAccounts(query, latest.stats, now, since) };
    } else {
      stats = await inSnapshotPair(prisma, (first, second) => measureScoringStats(first, second, settings, now));
      counts = await scoreAllAccounts(query, stats, now);
      // Only once every account is scored: a run that fails on the way leaves the last run's inputs, which
      // the incremental runs until the next full one score against.
      await storeCurrencyInputs(prisma, stats);
    }

    const kind = incremental ? 'incremental' : 'full';
    await finishScoringRun(prisma, runId, { kind, accounts: counts.seen, written: counts.written, stats });
    const seconds = (Date.now() - started) / 1000;
    log.info({ kind, accounts: counts.seen, written: counts.written, ms: Date.now() - started }, 'accounts rescored');
    const churnRate = stats?.churnRate ?? latest?.stats.churnRate ?? null;
    return { kind, accounts: counts.seen, written: counts.written, churnRate, seconds };
  } catch (error) {
    await abandonScoringRun(prisma, runId).catch((abandonError) =>
      log.error({ err: abandonError }, 'could not mark the scoring run failed'),
    );
    throw error;
  }
}
