import { describe, expect, it } from 'vitest';
import { IMPORTED_AT, importCsv, problemsOf, useTempFiles } from './csv-test-files.ts';

const write = useTempFiles();
const HEADER = 'accountId,invoiceId,amount,currency,failedAt,declineCode,attemptCount,nextRetryAt,status';

describe('readCsvChanges on payments files', () => {
  it('turns a failed row into payment.failed observed at its own failure date', async () => {
    const row = 'acc_1,in_1,49.90,EUR,2024-05-02T10:00:00Z,insufficient_funds,2,2024-05-05T10:00:00Z,failed';
    const path = await write('failed.csv', `${HEADER}\n${row}\n`);
    expect(await importCsv(path, { kind: 'payments' })).toEqual([
      {
        line: 2,
        change: {
          kind: 'payment.failed',
          account: { source: 'csv', externalId: 'acc_1' },
          observedAt: new Date('2024-05-02T10:00:00Z'),
          invoiceId: 'in_1',
          amountMinor: 4990,
          currency: 'EUR',
          attemptCount: 2,
          nextRetryAt: new Date('2024-05-05T10:00:00Z'),
          declineCode: 'insufficient_funds',
          failureMessage: null,
        },
      },
    ]);
  });

  it('turns a recovered row into payment.recovered observed at the import start, amount or not', async () => {
    const path = await write('recovered.csv', `${HEADER}\nacc_1,in_1,,,,,,,Recovered\n`);
    expect(await importCsv(path, { kind: 'payments', source: 'api:billing' })).toEqual([
      {
        line: 2,
        change: {
          kind: 'payment.recovered',
          account: { source: 'api:billing', externalId: 'acc_1' },
          observedAt: IMPORTED_AT,
          invoiceId: 'in_1',
        },
      },
    ]);
  });

  it('reads a file without status or dates as failures on their first attempt, at the import start', async () => {
    const path = await write('minimal.csv', 'accountId,invoiceId,amount\nacc_1,in_1,1200\n');
    const [item] = await importCsv(path, { kind: 'payments', currency: 'JPY' });
    expect(item && 'change' in item ? item.change : item).toMatchObject({
      kind: 'payment.failed',
      observedAt: IMPORTED_AT,
      amountMinor: 1200,
      currency: 'JPY',
      attemptCount: 1,
      nextRetryAt: null,
      declineCode: null,
    });
  });

  it('requires an amount on a failed row and a known status', async () => {
    const path = await write('bad.csv', `${HEADER}\nacc_1,in_1,,USD,,,,,failed\nacc_2,in_2,5,USD,,,,,paid\n`);
    expect(problemsOf(await importCsv(path, { kind: 'payments' }))).toEqual([
      'line 2: amount: expected a number, got ""',
      'line 3: status: expected failed or recovered, got "paid"',
    ]);
  });

  it('requires accountId, invoiceId and amount columns', async () => {
    const path = await write('no-invoice.csv', 'accountId,amount\nacc_1,5\n');
    expect(problemsOf(await importCsv(path, { kind: 'payments', currency: 'USD' }))).toEqual([
      'line 1: no column is mapped to invoiceId; add invoiceId=<column> to --map (the header has: accountId, amount)',
    ]);
  });
});
