import { INTEGER_COLUMN_MAX } from '../../db/integer-column.ts';
import type { Parsed } from './csv-fields.ts';
import { describeValue } from './describe-value.ts';

/** A non-negative decimal kept as digit strings, so scaling to minor units never goes through a float. */
export interface Decimal {
  whole: string;
  fraction: string;
  raw: string;
}

const WHOLE = /^(\d+)$/;
const POINT = /^(\d+)\.(\d+)$/;
const COMMA = /^(\d+),(\d+)$/;
const GROUPED = /^\d{1,3}([.,' ]\d{3})+([.,]\d+)?$/;

/**
 * Reads `12`, `12.50`, and `12,50` when `decimalComma` is on. Thousands separators are refused: `1,234` could be
 * 1234 or 1.234, and guessing wrong changes an amount a thousandfold.
 */
export function parseDecimal(raw: string, decimalComma: boolean): Parsed<Decimal> {
  const got = describeValue(raw);
  const whole = WHOLE.exec(raw);
  if (whole) return { ok: true, value: { whole: raw, fraction: '', raw } };

  const point = POINT.exec(raw);
  if (point) return { ok: true, value: { whole: point[1] ?? '', fraction: point[2] ?? '', raw } };

  const comma = COMMA.exec(raw);
  if (comma && decimalComma) return { ok: true, value: { whole: comma[1] ?? '', fraction: comma[2] ?? '', raw } };
  if (comma) {
    const why = 'a decimal comma is read only in semicolon-separated files';
    return { ok: false, error: `expected a number with a decimal point, got ${got} (${why})` };
  }

  if (GROUPED.test(raw)) return { ok: false, error: `expected a number without thousands separators, got ${got}` };
  if (raw.startsWith('-')) return { ok: false, error: `expected an amount of 0 or more, got ${got}` };
  return { ok: false, error: `expected a number, got ${got}` };
}

/** Reads a whole number such as a seat or attempt count; stored as a PostgreSQL integer. */
export function parseWholeNumber(raw: string): Parsed<number> {
  const value = Number(raw);
  if (!WHOLE.test(raw)) return { ok: false, error: `expected a whole number, got ${describeValue(raw)}` };
  if (value > INTEGER_COLUMN_MAX) {
    return {
      ok: false,
      error: `expected at most ${INTEGER_COLUMN_MAX.toLocaleString('en-US')}, got ${describeValue(raw)}`,
    };
  }
  return { ok: true, value };
}
