import { loadCoreConfig } from '../config/load-config.ts';
import { openDatabase } from '../db/open-database.ts';
import { createPrismaClient } from '../db/prisma.ts';
import { RFM_SEGMENT_LABELS, type RfmSegment } from '../domain/scoring/rfm-segments.ts';
import { createLogger } from '../log.ts';
import { type RescoreSummary, rescoreAccounts } from '../scoring/rescore-accounts.ts';
import { type ScoreSummary, summarizeScores } from '../scoring/summarize-scores.ts';

function describeChurnRate(summary: RescoreSummary): string {
  const rate = summary.churnRate;
  if (!rate) return '';
  if (rate.source === 'config') return `Monthly churn rate ${rate.monthlyChurnRate} (WINBACK_MONTHLY_CHURN_RATE).`;
  const measured = rate.monthlyChurnRate === null ? 'not measurable' : `${(rate.monthlyChurnRate * 100).toFixed(2)}%`;
  const undated = rate.undatedChurned ? `; ${rate.undatedChurned} churned accounts without a churn date left out` : '';
  return `Monthly churn rate measured over the last 3 months: ${measured} (${rate.churned} of ${rate.atRisk} at risk${undated}).`;
}

export function formatScoreSummary(run: RescoreSummary, scores: ScoreSummary, paretoShare: number): string {
  const label = (segment: string | null) =>
    segment === null ? 'not scored' : (RFM_SEGMENT_LABELS[segment as RfmSegment] ?? segment);
  const width = Math.max(...scores.segments.map((row) => label(row.segment).length), 10);
  const segments = scores.segments.map((row) => `  ${label(row.segment).padEnd(width)}  ${row.accounts}`);
  const pareto = scores.pareto.map(
    (row) =>
      `  ${row.currency}: ${row.priority} of ${row.churned} churned accounts carry ${Math.round(paretoShare * 100)}% of the lost value`,
  );
  return [
    `Scored ${run.accounts} accounts (${run.kind}) in ${run.seconds.toFixed(1)} s; ${run.written} changed.`,
    describeChurnRate(run),
    'RFM segments:',
    ...segments,
    'Pareto priority:',
    ...(pareto.length > 0 ? pareto : ['  no churned accounts']),
  ]
    .filter(Boolean)
    .join('\n');
}

/** `winback score`: a full rescore of every account now, then what the scores add up to. */
export async function runScore(): Promise<void> {
  const config = loadCoreConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const database = await openDatabase(config, logger);
  const prisma = createPrismaClient(database.url);
  try {
    const run = await rescoreAccounts(prisma, config, logger, { mode: 'full', reason: 'cli' });
    if (run.kind === 'busy') {
      console.log('Another scoring run is working right now; its results will be in place when it ends.');
      return;
    }
    console.log(formatScoreSummary(run, await summarizeScores(prisma), config.WINBACK_PARETO_SHARE));
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}
