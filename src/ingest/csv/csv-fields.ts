/** The fields a CSV column can be mapped to, named after what winback stores. */
export const ACCOUNT_FIELDS = [
  'id',
  'name',
  'company',
  'contactName',
  'email',
  'timezone',
  'locale',
  'plan',
  'mrr',
  'currency',
  'seats',
  'totalPaid',
  'tenureMonths',
  'startedAt',
  'churnedAt',
  'status',
  'churned',
  'churnReason',
  'churnReasonText',
  'lastPaymentAt',
] as const;

export const PAYMENT_FIELDS = [
  'accountId',
  'invoiceId',
  'amount',
  'currency',
  'failedAt',
  'declineCode',
  'attemptCount',
  'nextRetryAt',
  'status',
] as const;

export type CsvKind = 'accounts' | 'payments';
export type AccountField = (typeof ACCOUNT_FIELDS)[number];
export type PaymentField = (typeof PAYMENT_FIELDS)[number];
export type CsvField = AccountField | PaymentField;

export const FIELDS_BY_KIND: Record<CsvKind, readonly CsvField[]> = {
  accounts: ACCOUNT_FIELDS,
  payments: PAYMENT_FIELDS,
};

/** Without these a row cannot be tied to an account or an invoice. */
export const REQUIRED_FIELDS: Record<CsvKind, readonly CsvField[]> = {
  accounts: ['id'],
  payments: ['accountId', 'invoiceId', 'amount'],
};

/** Target field → header column. */
export type ColumnMap = Partial<Record<CsvField, string>>;

/** A known export format: which columns mean what, and what the format leaves implicit. */
export interface CsvPreset {
  name: string;
  kind: CsvKind;
  columns: ColumnMap;
  /** Columns kept verbatim under `attributes`, for segmenting accounts. */
  attributes: readonly string[];
  /** The currency of every amount when the file has no currency column. */
  currency: string | null;
  /** Values to read instead of a blank cell, when the format gives a blank a known meaning. */
  blankValues: Partial<Record<CsvField, string>>;
}

/** A pure parse that says what was wrong instead of throwing. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A check that reports every problem at once, so one run shows the user all there is to fix. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };
