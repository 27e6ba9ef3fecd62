import { z } from 'zod';
import type { AccountUpsert } from '../changes.ts';
import type { AccountField } from './csv-fields.ts';
import { parseCsvDate } from './parse-csv-date.ts';
import { type Decimal, parseDecimal, parseWholeNumber } from './parse-decimal.ts';
import {
  cell,
  orNull,
  readChurnReason,
  readCurrency,
  readEmail,
  readLocale,
  readStatus,
  readText,
  readTimezone,
  readYesNo,
} from './read-cell.ts';
import {
  BLANK_CURRENCY,
  dropUndefined,
  type RowContext,
  type RowResult,
  scaleAmount,
  toRowResult,
} from './row-context.ts';

export type AccountCells = Partial<Record<AccountField, string>>;
export type Attributes = Record<string, string | null>;

/** Builds the reader for one accounts file: mapped cells in, an `account.upsert` change out. */
export function buildAccountReader(context: RowContext) {
  const schema = buildAccountSchema(context);

  return (cells: AccountCells, attributes: Attributes): RowResult<AccountUpsert> => {
    const parsed = toRowResult(schema.safeParse(cells));
    if (!parsed.ok) return parsed;

    const { id, ...fields } = parsed.value;
    const withAttributes = Object.keys(attributes).length > 0 ? { ...fields, attributes } : fields;
    // An account row is a snapshot as of the export, and its dates (startedAt, churnedAt) date single
    // events, not the snapshot: so every row is observed at the import's start.
    const change: AccountUpsert = {
      kind: 'account.upsert',
      account: { source: context.source, externalId: id },
      observedAt: context.importedAt,
      fields: withAttributes,
    };
    return { ok: true, value: change };
  };
}

function buildAccountSchema(context: RowContext) {
  const text = cell(orNull(readText)).optional();
  const whole = cell(orNull(parseWholeNumber)).optional();
  const date = cell(orNull((raw) => parseCsvDate(raw, context.dates))).optional();
  const decimal = (raw: string) => parseDecimal(raw, context.decimalComma);

  const cells = z.object({
    id: cell(readText),
    name: text,
    company: text,
    contactName: text,
    email: cell(orNull(readEmail)).optional(),
    timezone: cell(orNull(readTimezone)).optional(),
    locale: cell(orNull(readLocale)).optional(),
    plan: text,
    mrr: cell(decimal).optional(),
    currency: cell(orNull(readCurrency)).optional(),
    seats: whole,
    totalPaid: cell(orNull(decimal)).optional(),
    tenureMonths: whole,
    startedAt: date,
    churnedAt: date,
    status: cell(readStatus).optional(),
    churned: cell(readYesNo).optional(),
    churnReason: cell(orNull(readChurnReason)).optional(),
    churnReasonText: text,
    lastPaymentAt: date,
  });

  return cells.transform((row, ctx) => {
    const { mrr, totalPaid, churned, currency: rowCurrency, status: rowStatus, ...rest } = row;
    const currency = rowCurrency ?? context.currency;
    const hasAmount = mrr !== undefined || (totalPaid !== undefined && totalPaid !== null);
    if (hasAmount && !currency) ctx.addIssue({ code: 'custom', message: BLANK_CURRENCY, path: ['currency'] });

    const scale = (amount: Decimal, field: string) => scaleAmount(amount, currency, context, field, ctx);
    const status = rowStatus ?? (churned === undefined ? undefined : churned ? 'churned' : 'active');
    // The file says the account churned but not when: null records "date unknown".
    const unknownChurnDate = status === 'churned' ? null : undefined;
    return dropUndefined({
      ...rest,
      status,
      churnedAt: rest.churnedAt === undefined ? unknownChurnDate : rest.churnedAt,
      currency: hasAmount || rowCurrency ? (currency ?? undefined) : undefined,
      mrrMinor: mrr === undefined ? undefined : scale(mrr, 'mrr'),
      totalPaidMinor: totalPaid === undefined || totalPaid === null ? totalPaid : scale(totalPaid, 'totalPaid'),
    });
  });
}
