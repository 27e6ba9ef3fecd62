import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../src/ingest/csv/parse-decimal.ts';
import { minorUnitExponent, toMinorUnits } from '../../../src/ingest/csv/to-minor-units.ts';

function minorOf(raw: string, currency: string, decimalComma = false) {
  const decimal = parseDecimal(raw, decimalComma);
  if (!decimal.ok) return decimal.error;
  const minor = toMinorUnits(decimal.value, currency, 'major');
  return minor.ok ? minor.value : minor.error;
}

describe('parseDecimal and toMinorUnits', () => {
  it.each([
    ['12', 'USD', false, 1200],
    ['12.5', 'USD', false, 1250],
    ['12.50', 'USD', false, 1250],
    ['0.29', 'USD', false, 29],
    ['1.10', 'USD', false, 110],
    ['12,5', 'EUR', true, 1250],
    ['007.01', 'USD', false, 701],
    ['4980', 'JPY', false, 4980],
    ['1.234', 'KWD', false, 1234],
    ['1,234', 'KWD', true, 1234],
    ['21474836.47', 'USD', false, 2_147_483_647],
  ])('reads %s %s (decimal comma %s) as %i minor units without float error', (raw, currency, comma, expected) => {
    expect(minorOf(raw, currency, comma)).toBe(expected);
  });

  it.each([
    ['', 'expected a number, got ""'],
    ['12,5O', 'expected a number, got "12,5O"'],
    ['1e3', 'expected a number, got "1e3"'],
    ['-5', 'expected an amount of 0 or more, got "-5"'],
    ['1 234', 'expected a number without thousands separators, got "1 234"'],
    ['1,234,567', 'expected a number without thousands separators, got "1,234,567"'],
    ['.5', 'expected a number, got ".5"'],
    ['99999999999999999', 'expected at most 21,474,836.47 USD, got "99999999999999999"'],
    // The largest amount the integer column of minor units holds, and one cent more.
    ['21474836,48', 'expected at most 21,474,836.47 USD, got "21474836,48"'],
  ])('refuses %j', (raw, message) => {
    expect(minorOf(raw, 'USD', true)).toBe(message);
  });

  it('accepts the largest amount an integer of minor units holds, in major and minor units', () => {
    expect(minorOf('21474836,47', 'USD', true)).toBe(2_147_483_647);
    expect(minorOf('2147483647', 'JPY', true)).toBe(2_147_483_647);
    const huge = parseDecimal('2147483648', false);
    expect(huge.ok && toMinorUnits(huge.value, 'USD', 'minor')).toEqual({
      ok: false,
      error: 'expected at most 2,147,483,647 minor units, got "2147483648"',
    });
  });

  it('takes the minor-unit exponent from Intl: USD 2, JPY 0, KWD 3', () => {
    expect(['USD', 'JPY', 'KWD'].map(minorUnitExponent)).toEqual([2, 0, 3]);
  });
});
