import { INTEGER_COLUMN_MAX } from '../../db/integer-column.ts';
import type { Parsed } from './csv-fields.ts';
import { describeValue } from './describe-value.ts';
import type { Decimal } from './parse-decimal.ts';

export type AmountUnit = 'major' | 'minor';

const exponents = new Map<string, number>();

/** Digits after the decimal point for a currency, from the ICU data Node ships (USD 2, JPY 0, KWD 3). */
export function minorUnitExponent(currency: string): number {
  const known = exponents.get(currency);
  if (known !== undefined) return known;

  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  const exponent = format.resolvedOptions().maximumFractionDigits ?? 2;
  exponents.set(currency, exponent);
  return exponent;
}

/** Scales by string concatenation: 0.1 + 0.2 style float error cannot reach a stored amount. */
export function toMinorUnits(amount: Decimal, currency: string, unit: AmountUnit): Parsed<number> {
  const got = describeValue(amount.raw);
  if (unit === 'minor' && amount.fraction !== '') {
    return { ok: false, error: `expected a whole number of minor units (such as cents), got ${got}` };
  }

  const exponent = unit === 'minor' ? 0 : minorUnitExponent(currency);
  if (amount.fraction.length > exponent) return { ok: false, error: describeExtraDecimals(amount, currency, exponent) };

  const value = Number(amount.whole + amount.fraction.padEnd(exponent, '0'));
  if (value > INTEGER_COLUMN_MAX)
    return { ok: false, error: `expected at most ${largestAmount(currency, unit)}, got ${got}` };
  return { ok: true, value };
}

function largestAmount(currency: string, unit: AmountUnit): string {
  if (unit === 'minor') return `${INTEGER_COLUMN_MAX.toLocaleString('en-US')} minor units`;
  const exponent = minorUnitExponent(currency);
  const major = (INTEGER_COLUMN_MAX / 10 ** exponent).toLocaleString('en-US', { minimumFractionDigits: exponent });
  return `${major} ${currency}`;
}

function describeExtraDecimals(amount: Decimal, currency: string, exponent: number): string {
  const got = describeValue(amount.raw);
  if (exponent === 0) return `expected a whole amount, as ${currency} has no minor unit, got ${got}`;

  // `1.234` is most often a thousands separator, which is worth naming.
  const hint = amount.fraction.length === 3 ? ' (thousands separators are not read)' : '';
  return `expected at most ${exponent} decimals for ${currency}, got ${got}${hint}`;
}
