import { describe, expect, it } from 'vitest';
import { parseImportOptions } from '../../../src/ingest/csv/parse-import-options.ts';
import { TELCO_PRESET } from '../../../src/ingest/csv/telco-preset.ts';

describe('parseImportOptions', () => {
  it('defaults to major units, UTC, ISO dates, source csv and a detected delimiter; empty flags are unset', () => {
    const importedAt = new Date('2025-01-01T00:00:00Z');
    expect(parseImportOptions({ kind: 'accounts', importedAt, currency: '', timezone: ' ' })).toEqual({
      ok: true,
      value: {
        kind: 'accounts',
        preset: null,
        columns: {},
        attributes: [],
        delimiter: null,
        amountUnit: 'major',
        currency: null,
        dateFormat: null,
        timezone: 'UTC',
        source: 'csv',
        importedAt,
      },
    });
  });

  it('takes the currency from the preset unless --currency is given', () => {
    const telco = parseImportOptions({ kind: 'accounts', preset: 'telco' });
    const euro = parseImportOptions({ kind: 'accounts', preset: 'telco', currency: 'eur' });
    expect(telco.ok && [telco.value.preset, telco.value.currency]).toEqual([TELCO_PRESET, 'USD']);
    expect(euro.ok && euro.value.currency).toBe('EUR');
  });

  it('lists every bad flag at once', () => {
    const result = parseImportOptions({
      kind: 'payments',
      preset: 'telco',
      map: 'mrr=x',
      delimiter: '\t',
      amounts: 'cents',
      currency: 'dollars',
      timezone: 'Mars/Base',
      dateFormat: 'dd/mm/yyyy',
      source: 'my source',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        '--preset: telco reads accounts files, not payments',
        '--map: "mrr" is not a payment field; the fields are: accountId, invoiceId, amount, currency, failedAt, ' +
          'declineCode, attemptCount, nextRetryAt, status',
        '--delimiter: expected "," or ";", got "\\t"',
        '--amounts: expected major or minor, got "cents"',
        '--currency: expected a currency code such as USD, got "dollars"',
        '--timezone: expected an IANA time zone such as Europe/Paris, got "Mars/Base"',
        '--date-format: "dd/mm/yyyy" needs a year (yyyy), a month (MM) and a day (dd); luxon tokens are ' +
          'case-sensitive: dd/MM/yyyy, not dd/mm/yyyy (mm is minutes)',
        '--source: expected a name such as csv or api:hubspot, got "my source"',
      ],
    });
  });

  it.each([
    'dd/MM/yyyy',
    'MM/dd/yy HH:mm',
    "d 'de' LLLL yyyy",
    'yyyy-ooo',
    'X',
  ])('accepts the whole-date format %j', (format) => {
    expect(parseImportOptions({ kind: 'accounts', dateFormat: format }).ok).toBe(true);
  });

  it('names the presets there are', () => {
    expect(parseImportOptions({ kind: 'accounts', preset: 'salesforce' })).toEqual({
      ok: false,
      errors: ['--preset: "salesforce" is not a preset; the presets are: telco'],
    });
  });
});
