import { DateTime } from 'luxon';
import type { Parsed } from './csv-fields.ts';
import { describeValue } from './describe-value.ts';
import { readIsoInstant } from './read-iso-instant.ts';

export interface DateReading {
  /** A luxon format such as `dd/MM/yyyy`; null reads ISO 8601. */
  format: string | null;
  /** IANA zone for dates and times that carry no offset of their own. */
  timezone: string;
}

/** Reads one date cell; an offset written in the cell wins over the import's time zone. */
export function parseCsvDate(raw: string, reading: DateReading): Parsed<Date> {
  const offset = reading.format ? null : describeImpossibleOffset(raw);
  if (offset) return { ok: false, error: offset };
  const instant = reading.format ? null : readIsoInstant(raw, reading.timezone);
  if (instant) return { ok: true, value: instant };

  const options = { zone: reading.timezone };
  const parsed = reading.format ? DateTime.fromFormat(raw, reading.format, options) : readIso(raw, options);
  if (parsed.isValid) return { ok: true, value: parsed.toJSDate() };

  const got = describeValue(raw);
  if (reading.format) return { ok: false, error: `expected a date in the format ${reading.format}, got ${got}` };
  return { ok: false, error: `expected an ISO 8601 date such as 2024-03-31 or 2024-03-31T14:00:00Z, got ${got}` };
}

function readIso(raw: string, options: { zone: string }): DateTime {
  const iso = DateTime.fromISO(raw, options);
  // Spreadsheets and databases export `2024-03-31 14:00:00`, which RFC 3339 allows but luxon's ISO reader does not.
  return iso.isValid ? iso : DateTime.fromSQL(raw, options);
}

// A time's trailing UTC offset, ±hh:mm or ±hhmm.
const TRAILING_OFFSET = /:\d{2}(?:\.\d+)?([+-])(\d{2}):?(\d{2})$/;

/** luxon takes any two digits in an offset (+99:99); real offsets run from -18:00 to +18:00. */
function describeImpossibleOffset(raw: string): string | null {
  const match = TRAILING_OFFSET.exec(raw);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  if (Number(match[3]) < 60 && minutes <= 18 * 60) return null;
  return `expected a UTC offset from -18:00 to +18:00, got ${describeValue(raw)}`;
}
