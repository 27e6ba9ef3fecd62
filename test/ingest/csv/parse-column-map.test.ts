import { describe, expect, it } from 'vitest';
import { parseColumnMap } from '../../../src/ingest/csv/parse-column-map.ts';

describe('parseColumnMap', () => {
  it('reads field=column pairs, trimming and matching field names in any case', () => {
    expect(parseColumnMap(' id = customerID , MRR=Monthly Charges', 'accounts')).toEqual({
      ok: true,
      value: { id: 'customerID', mrr: 'Monthly Charges' },
    });
  });

  it('reads an empty --map as no mapping', () => {
    expect(parseColumnMap('  ', 'accounts')).toEqual({ ok: true, value: {} });
  });

  it('lists every broken entry: unknown field, empty column, missing "=", empty entry, repeated field', () => {
    expect(parseColumnMap('id=a,revenue=MRR,mrr=,plancol,,id=b', 'accounts')).toEqual({
      ok: false,
      errors: [
        '--map: "revenue" is not an account field; the fields are: id, name, company, contactName, email, ' +
          'timezone, locale, plan, mrr, currency, seats, totalPaid, tenureMonths, startedAt, churnedAt, status, ' +
          'churned, churnReason, churnReasonText, lastPaymentAt',
        '--map: "mrr=" has an empty column name',
        '--map: "plancol" is not a field=column pair',
        '--map: an entry between two commas is empty; write field=column pairs separated by commas',
        '--map: id is mapped twice',
      ],
    });
  });

  it('checks payment fields against the payments list', () => {
    expect(parseColumnMap('mrr=x', 'payments')).toEqual({
      ok: false,
      errors: [
        '--map: "mrr" is not a payment field; the fields are: accountId, invoiceId, amount, currency, failedAt, ' +
          'declineCode, attemptCount, nextRetryAt, status',
      ],
    });
  });
});
