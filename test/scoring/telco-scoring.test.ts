import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseImportOptions } from '../../src/ingest/csv/parse-import-options.ts';
import { importCsv } from '../../src/ingest/import-csv.ts';
import { type RescoreSummary, rescoreAccounts } from '../../src/scoring/rescore-accounts.ts';
import { type ScoreSummary, summarizeScores } from '../../src/scoring/summarize-scores.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { referenceScores } from './reference-scores.ts';
import { loadScoredAccounts, scoresOf } from './stored-scores.ts';

const TELCO = path.resolve(import.meta.dirname, '../../data/telco/WA_Fn-UseC_-Telco-Customer-Churn.csv');
const SETTINGS = { WINBACK_GROSS_MARGIN: 0.8, WINBACK_MONTHLY_CHURN_RATE: undefined, WINBACK_PARETO_SHARE: 0.8 };

let db: TestDatabase;
let run: RescoreSummary;
let scores: ScoreSummary;
beforeAll(async () => {
  db = await createTestDatabase();
  const options = parseImportOptions({ kind: 'accounts', preset: 'telco' });
  if (!options.ok) throw new Error(options.errors.join('\n'));
  const rejectsPath = path.join(os.tmpdir(), 'telco-scoring.rejects.csv');
  const imported = await importCsv(db, { file: TELCO, options: options.value, skipInvalid: false, rejectsPath });
  expect(imported.inserted).toBe(7043);

  run = await rescoreAccounts(db.prisma, SETTINGS, pino({ level: 'silent' }), { mode: 'full', reason: 'test' });
  scores = await summarizeScores(db.prisma);
}, 120_000);

// The counts docs/scoring.md quotes. The file has no dates: the 1,869 who left have no churn date and no
// payment date, so their recency is unknown (R 1); the 5,174 who stayed are customers today (0 days, R 3).
describe('the IBM Telco data set, imported and scored', () => {
  it('scores all 7,043 customers into stable RFM segments', () => {
    expect(run).toMatchObject({ kind: 'full', accounts: 7043, written: 7043 });
    expect(scores.segments).toEqual([
      { segment: 'loyal_customers', accounts: 2822 },
      { segment: 'about_to_sleep', accounts: 1366 },
      { segment: 'need_attention', accounts: 986 },
      { segment: 'at_risk', accounts: 630 },
      { segment: 'lost', accounts: 622 },
      { segment: 'hibernating', accounts: 414 },
      { segment: 'cant_lose_them', accounts: 203 },
    ]);
  });

  it('flags 1,251 of the 1,869 churned customers as the Pareto priority carrying 80% of the lost value', () => {
    expect(scores.pareto).toEqual([{ currency: 'USD', churned: 1869, priority: 1251 }]);
  });

  it('measures no churn rate from undated churns, and says so: the floor of 1/60 a month stands in', () => {
    expect(run.churnRate).toEqual({
      source: 'measured',
      monthlyChurnRate: 0,
      churned: 0,
      atRisk: 5174,
      periodMonths: 3,
      undatedChurned: 1869,
    });
  });

  it('gives every customer the scores the pure functions give the same rows', async () => {
    const accounts = await loadScoredAccounts(db.prisma);
    const asOf = accounts[0]?.score?.scoredAt ?? new Date();
    const expected = referenceScores(accounts, { grossMargin: 0.8, paretoShare: 0.8 }, asOf);
    for (const account of accounts) {
      expect({ id: account.id, ...scoresOf(account) }).toEqual({ id: account.id, ...expected.get(account.id) });
    }
  });
});
