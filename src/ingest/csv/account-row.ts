import { z } from 'zod';
import type { AccountUpsert } from '../changes.ts';
import type { AccountField, Parsed } from './csv-fields.ts';
import { describeValue } from './describe-value.ts';
import { parseCsvDate } from './parse-csv-date.ts';
import { type Decimal, parseDecimal, parseWholeNumber } from './parse-decimal.ts';
import {
  type AccountStatus,
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
import { BLANK_CURRENCY, type RowContext, type RowResult, scaleAmount, toRowResult } from './row-context.ts';

export type AccountCells = Partial<Record<AccountField, string>>;
export type Attributes = Record<string, string | null>;

type Stored = Required<AccountUpsert['fields']>;
/** Cells whose reading is worked on before it is stored; the rest are stored as read. */
type Worked = 'id' | 'mrr' | 'currency' | 'totalPaid' | 'status' | 'churned' | 'churnedAt';
const WORKED = new Set<AccountField>(['id', 'mrr', 'currency', 'totalPaid', 'status', 'churned', 'churnedAt']);

/** What each cell reads as; null is a blank cell of an optional field. */
interface AccountValues extends Pick<Stored, Exclude<AccountField, Worked> | 'churnedAt'> {
  id: string;
  mrr: Decimal;
  currency: string | null;
  totalPaid: Decimal | null;
  status: AccountStatus;
  churned: boolean;
}

type CellReaders = { [F in AccountField]: (raw: string) => Parsed<AccountValues[F]> };

/**
 * Builds the reader for one accounts file: mapped cells in, an `account.upsert` change out. `fields` are the
 * mapped fields in the order problems are reported.
 */
export function buildAccountReader(context: RowContext, fields: readonly AccountField[]) {
  const schema = buildAccountSchema(context, fields);

  return (cells: AccountCells, attributes: Attributes): RowResult<AccountUpsert> => {
    const parsed = toRowResult(schema.safeParse(cells));
    if (!parsed.ok) return parsed;

    const { id, fields: read } = parsed.value;
    if (Object.keys(attributes).length > 0) read.attributes = attributes;
    // An account row is a snapshot as of the export, and its dates (startedAt, churnedAt) date single
    // events, not the snapshot: so every row is observed at the import's start.
    const change: AccountUpsert = {
      kind: 'account.upsert',
      account: { source: context.source, externalId: id },
      observedAt: context.importedAt,
      fields: read,
    };
    return { ok: true, value: change };
  };
}

// A customer for more than a century is a data error; unchecked, scoring multiplies it by MRR into a revenue
// so far that no number holds exactly.
const MAX_TENURE_MONTHS = 1200;

function readTenureMonths(raw: string): Parsed<number> {
  const parsed = parseWholeNumber(raw);
  if (!parsed.ok || parsed.value <= MAX_TENURE_MONTHS) return parsed;
  return {
    ok: false,
    error: `expected at most ${MAX_TENURE_MONTHS.toLocaleString('en-US')} months, got ${describeValue(raw)}`,
  };
}

function cellReaders(context: RowContext): CellReaders {
  const text = orNull(readText);
  const whole = orNull(parseWholeNumber);
  const date = orNull((raw) => parseCsvDate(raw, context.dates));
  const decimal = (raw: string) => parseDecimal(raw, context.decimalComma);
  return {
    id: readText,
    name: text,
    company: text,
    contactName: text,
    email: orNull(readEmail),
    timezone: orNull(readTimezone),
    locale: orNull(readLocale),
    plan: text,
    mrr: decimal,
    currency: orNull(readCurrency),
    seats: whole,
    totalPaid: orNull(decimal),
    tenureMonths: orNull(readTenureMonths),
    startedAt: date,
    churnedAt: date,
    status: readStatus,
    churned: readYesNo,
    churnReason: orNull(readChurnReason),
    churnReasonText: text,
    lastPaymentAt: date,
  };
}

/**
 * zod checks the row's shape (a string per mapped cell) and carries every problem; the cells are read by plain
 * functions inside one transform, as a transform per cell cost more than the reading itself.
 */
function buildAccountSchema(context: RowContext, fields: readonly AccountField[]) {
  const readers = cellReaders(context);
  const shape = Object.fromEntries(fields.map((field) => [field, z.string()]));

  return z.object(shape).transform((cells, ctx) => {
    const values: Partial<AccountValues> = {};
    let valid = true;
    for (const field of fields) {
      const read = readers[field](cells[field] ?? '');
      if (read.ok) {
        // Each reader returns its own field's type (CellReaders); the loop cannot name which field it is.
        (values as Record<AccountField, unknown>)[field] = read.value;
      } else {
        valid = false;
        ctx.addIssue({ code: 'custom', message: read.error, path: [field] });
      }
    }
    if (!valid) return z.NEVER;

    return toAccountFields(values, context, ctx);
  });
}

/** Sets only the fields the row knows: the applier writes every key present, and an absent key means "not known". */
function toAccountFields(values: Partial<AccountValues>, context: RowContext, ctx: z.RefinementCtx) {
  const fields: AccountUpsert['fields'] = {};
  for (const field in values) {
    if (WORKED.has(field as AccountField)) continue;
    // A key loses its pairing with the value's type; the reader of each field gave it its stored type.
    (fields as Record<string, unknown>)[field] = values[field as keyof AccountValues];
  }

  const { mrr, totalPaid, churned, currency: rowCurrency, status: rowStatus } = values;
  const currency = rowCurrency ?? context.currency;
  const hasAmount = mrr !== undefined || (totalPaid !== undefined && totalPaid !== null);
  if (hasAmount && !currency) ctx.addIssue({ code: 'custom', message: BLANK_CURRENCY, path: ['currency'] });
  if ((hasAmount || rowCurrency) && currency) fields.currency = currency;

  const scale = (amount: Decimal, field: string) => scaleAmount(amount, currency, context, field, ctx);
  if (mrr !== undefined) fields.mrrMinor = scale(mrr, 'mrr');
  if (totalPaid !== undefined) fields.totalPaidMinor = totalPaid === null ? null : scale(totalPaid, 'totalPaid');

  const status = rowStatus ?? (churned === undefined ? undefined : churned ? 'churned' : 'active');
  if (status !== undefined) fields.status = status;
  // The file says the account churned but not when: null records "date unknown".
  const churnedAt = values.churnedAt === undefined && status === 'churned' ? null : values.churnedAt;
  if (churnedAt !== undefined) fields.churnedAt = churnedAt;
  return { id: values.id ?? '', fields };
}
