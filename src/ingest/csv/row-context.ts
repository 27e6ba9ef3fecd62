import type { z } from 'zod';
import type { Checked } from './csv-fields.ts';
import type { DateReading } from './parse-csv-date.ts';
import type { Decimal } from './parse-decimal.ts';
import { type AmountUnit, toMinorUnits } from './to-minor-units.ts';

/** What every row of one import is read with; built once per file. */
export interface RowContext {
  source: string;
  /** observedAt for facts the row does not date itself. */
  importedAt: Date;
  /** The currency of amounts on rows whose currency cell is blank or unmapped. */
  currency: string | null;
  amountUnit: AmountUnit;
  decimalComma: boolean;
  dates: DateReading;
}

/** A row whose currency cell is blank, with no --currency to fall back on. */
export const BLANK_CURRENCY = 'expected a currency code such as USD, got ""';

/** One row's reading: the value, or one `field: sentence` per problem. */
export type RowResult<T> = Checked<T>;

/**
 * Scales an amount inside a zod transform, reporting a failure against the amount's field. Without a currency
 * the row has already failed on its currency cell; 0 only keeps the transform's shape.
 */
export function scaleAmount(
  amount: Decimal,
  currency: string | null,
  context: RowContext,
  field: string,
  ctx: z.RefinementCtx,
): number {
  if (!currency) return 0;

  const minor = toMinorUnits(amount, currency, context.amountUnit);
  if (minor.ok) return minor.value;

  ctx.addIssue({ code: 'custom', message: minor.error, path: [field] });
  return 0;
}

export function toRowResult<T>(parsed: z.ZodSafeParseResult<T>): RowResult<T> {
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
}
