import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseCsvDate } from '../../../src/ingest/csv/parse-csv-date.ts';
import { readIsoInstant } from '../../../src/ingest/csv/read-iso-instant.ts';

const ISO_EXPECTED = 'expected an ISO 8601 date such as 2024-03-31 or 2024-03-31T14:00:00Z';

// What parseCsvDate answered before the fast path: luxon's ISO reader, then its SQL one.
function luxonInstant(raw: string, zone: string): number | null {
  const iso = DateTime.fromISO(raw, { zone });
  const parsed = iso.isValid ? iso : DateTime.fromSQL(raw, { zone });
  return parsed.isValid ? parsed.toMillis() : null;
}

const CELLS = [
  '2024-03-31',
  '2024-02-29',
  '2000-02-29',
  '1000-01-01',
  '0100-01-01',
  '2024-03-31T14:00',
  '2024-03-31T14:00Z',
  '2024-03-31T14:00:00Z',
  '2024-03-31T23:59:59Z',
  '2024-03-31T14:00:00.1Z',
  '2024-03-31T14:00:00.12Z',
  '2024-03-31T14:00:00.123Z',
  '2024-03-31T14:00:00.999+02:00',
  '2024-03-31T14:00:00-00:00',
  '2024-03-31T14:00:00-12:30',
  '2024-03-31T14:00+05:45',
  '2024-03-31T14:00:00+23:59',
];

describe('readIsoInstant, the ISO fast path before luxon', () => {
  it.each(CELLS)('agrees with luxon on %s in UTC', (raw) => {
    expect(readIsoInstant(raw, 'UTC')?.getTime()).toBe(luxonInstant(raw, 'UTC'));
  });

  it.each(
    CELLS.filter((raw) => raw.endsWith('Z') || /[+-]\d{2}:\d{2}$/.test(raw)),
  )('reads the offset written in %s whatever the import zone', (raw) => {
    expect(readIsoInstant(raw, 'Asia/Tokyo')?.getTime()).toBe(luxonInstant(raw, 'Asia/Tokyo'));
  });

  it.each([
    ['a date without an offset outside UTC', '2024-03-31', 'America/New_York'],
    ['a wall time without an offset outside UTC', '2024-03-31T14:00', 'Europe/Berlin'],
    ['February 30', '2024-02-30', 'UTC'],
    ['February 29 of a common year', '2023-02-29', 'UTC'],
    ['February 29 of a century that is not a leap year', '1900-02-29', 'UTC'],
    ['month 13', '2024-13-01', 'UTC'],
    ['day 0', '2024-01-00', 'UTC'],
    ['hour 24', '2024-03-31T24:00:00Z', 'UTC'],
    ['a leap second', '2024-03-31T23:59:60Z', 'UTC'],
    ['a year below 100', '0099-01-01', 'UTC'],
    ['microseconds', '2024-03-31T14:00:00.123456Z', 'UTC'],
    ['a space before the time', '2024-03-31 14:00:00', 'UTC'],
    ['an offset without a colon', '2024-03-31T14:00:00+0200', 'UTC'],
    ['a basic-format date', '20240331', 'UTC'],
  ])('leaves %s to luxon', (_, raw, zone) => {
    expect(readIsoInstant(raw, zone)).toBeNull();
  });

  it('agrees with luxon on 20,000 generated cells, valid and not', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const two = (n: number) => String(n).padStart(2, '0');
    let read = 0;
    for (let i = 0; i < 20_000; i++) {
      let raw = `${String(next(3000)).padStart(4, '0')}-${two(next(14))}-${two(next(33))}`;
      if (next(2)) raw += `T${two(next(26))}:${two(next(62))}:${two(next(62))}.${next(1000)}`;
      if (next(2)) raw += next(2) ? 'Z' : `${next(2) ? '+' : '-'}${two(next(25))}:${two(next(61))}`;
      const fast = readIsoInstant(raw, 'UTC');
      if (!fast) continue;
      read += 1;
      expect([raw, fast.getTime()]).toEqual([raw, luxonInstant(raw, 'UTC')]);
    }
    // Most generated cells are out of range; enough must take the fast path for the comparison to mean something.
    expect(read).toBeGreaterThan(2_000);
  });
});

describe('parseCsvDate', () => {
  const iso = { format: null, timezone: 'UTC' };

  it.each(['2024-02-30', '2023-02-29', '2024-03-31T24:60', '31/03/2024'])('refuses %s with the ISO sentence', (raw) => {
    expect(parseCsvDate(raw, iso)).toEqual({ ok: false, error: `${ISO_EXPECTED}, got ${JSON.stringify(raw)}` });
  });

  it.each([
    '2024-01-01T00:00:00+99:99',
    '2024-01-01T00:00+25:00',
    '2024-01-01T00:00:00.5-18:01',
    '2024-01-01T00:00:00+05:60',
  ])('refuses the impossible offset of %s, which luxon would take', (raw) => {
    expect(parseCsvDate(raw, iso)).toEqual({
      ok: false,
      error: `expected a UTC offset from -18:00 to +18:00, got ${JSON.stringify(raw)}`,
    });
  });

  it.each([
    ['2024-01-01T00:00:00+18:00', '2023-12-31T06:00:00Z'],
    ['2024-01-01T00:00:00-12:30', '2024-01-01T12:30:00Z'],
    ['2024-01-01 00:00:00+05:45', '2023-12-31T18:15:00Z'],
  ])('reads the real offset of %s', (raw, utc) => {
    expect(parseCsvDate(raw, iso)).toEqual({ ok: true, value: new Date(utc) });
  });

  it('reads midnight in the import zone when the cell has no offset', () => {
    expect(parseCsvDate('2024-03-31', { format: null, timezone: 'America/New_York' })).toEqual({
      ok: true,
      value: new Date('2024-03-31T04:00:00Z'),
    });
  });

  it('reads a spreadsheet timestamp with a space through luxon', () => {
    expect(parseCsvDate('2024-03-31 14:00:00', iso)).toEqual({ ok: true, value: new Date('2024-03-31T14:00:00Z') });
  });
});
