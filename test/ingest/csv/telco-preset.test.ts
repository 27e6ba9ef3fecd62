import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountUpsert } from '../../../src/ingest/changes.ts';
import { ACCOUNT_FIELDS } from '../../../src/ingest/csv/csv-fields.ts';
import type { CsvChange, CsvProblem } from '../../../src/ingest/csv/read-csv-changes.ts';
import { TELCO_PRESET, TELCO_UNMAPPED } from '../../../src/ingest/csv/telco-preset.ts';
import { changesOf, IMPORTED_AT, importCsv, problemsOf } from './csv-test-files.ts';

const TELCO = '/work/shared/data/datasets/ibm-telco-customer-churn/WA_Fn-UseC_-Telco-Customer-Churn.csv';

describe('telco preset on the public IBM Telco customer-churn file', () => {
  let items: (CsvChange | CsvProblem)[] = [];
  let byId = new Map<string, AccountUpsert>();

  beforeAll(async () => {
    items = await importCsv(TELCO, { preset: 'telco' });
    const upserts = changesOf(items).map(({ change }) => change as AccountUpsert);
    byId = new Map(upserts.map((change) => [change.account.externalId, change]));
  });

  it('reads all 7043 rows as valid account upserts', () => {
    expect(problemsOf(items)).toEqual([]);
    expect(items).toHaveLength(7043);
    expect(byId.size).toBe(7043);
  });

  it('marks the 1869 Churn=Yes rows churned with an unknown churn date, the rest active', () => {
    const changes = [...byId.values()];
    const churned = changes.filter((change) => change.fields.status === 'churned');
    expect(churned).toHaveLength(1869);
    expect(churned.every((change) => change.fields.churnedAt === null)).toBe(true);
    expect(changes.filter((change) => change.fields.status === 'active')).toHaveLength(7043 - 1869);
  });

  it('numbers rows by their line in the file, the header being line 1', () => {
    expect(items[0]?.line).toBe(2);
    expect(items.at(-1)?.line).toBe(7044);
  });

  it('maps line 2 (7590-VHVEG) field by field', () => {
    expect(byId.get('7590-VHVEG')).toEqual({
      kind: 'account.upsert',
      account: { source: 'csv', externalId: '7590-VHVEG' },
      observedAt: IMPORTED_AT,
      fields: {
        plan: 'Month-to-month',
        tenureMonths: 1,
        status: 'active',
        currency: 'USD',
        mrrMinor: 2985,
        totalPaidMinor: 2985,
        attributes: {
          Contract: 'Month-to-month',
          PaymentMethod: 'Electronic check',
          PaperlessBilling: 'Yes',
          InternetService: 'DSL',
          PhoneService: 'No',
          MultipleLines: 'No phone service',
          OnlineSecurity: 'No',
          OnlineBackup: 'Yes',
          DeviceProtection: 'No',
          TechSupport: 'No',
          StreamingTV: 'No',
          StreamingMovies: 'No',
          SeniorCitizen: '0',
          Partner: 'Yes',
          Dependents: 'No',
        },
      },
    });
  });

  it('maps a churned row (3668-QPYBK, line 4) and a one-decimal total (5575-GNVDE, 1889.5)', () => {
    expect(byId.get('3668-QPYBK')?.fields).toMatchObject({
      status: 'churned',
      churnedAt: null,
      plan: 'Month-to-month',
      tenureMonths: 2,
      mrrMinor: 5385,
      totalPaidMinor: 10815,
    });
    expect(byId.get('5575-GNVDE')?.fields).toMatchObject({ plan: 'One year', mrrMinor: 5695, totalPaidMinor: 188950 });
  });

  it('reads the 11 blank TotalCharges as 0, and every one of them has tenure 0', async () => {
    const text = await readFile(TELCO, 'utf8');
    const blankIds = text
      .split('\n')
      .map((line) => line.split(','))
      .filter((cells) => cells[19] === ' ')
      .map((cells) => cells[0] ?? '');
    expect(blankIds).toHaveLength(11);

    for (const id of blankIds) expect(byId.get(id)?.fields).toMatchObject({ totalPaidMinor: 0, tenureMonths: 0 });
    expect(byId.get('4472-LVYGI')?.fields).toMatchObject({ mrrMinor: 5255, totalPaidMinor: 0, plan: 'Two year' });
  });

  it('lists as unmapped exactly the account fields the preset fills from nowhere', () => {
    const covered = new Set([...Object.keys(TELCO_PRESET.columns), 'status', 'currency']);
    expect([...TELCO_UNMAPPED].sort()).toEqual(ACCOUNT_FIELDS.filter((field) => !covered.has(field)).sort());
  });
});
