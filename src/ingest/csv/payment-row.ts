import { z } from 'zod';
import type { PaymentFailed, PaymentRecovered } from '../changes.ts';
import type { PaymentField } from './csv-fields.ts';
import { parseCsvDate } from './parse-csv-date.ts';
import { parseDecimal, parseWholeNumber } from './parse-decimal.ts';
import { cell, orNull, readCurrency, readPaymentStatus, readText } from './read-cell.ts';
import { BLANK_CURRENCY, type RowContext, type RowResult, scaleAmount, toRowResult } from './row-context.ts';

export type PaymentCells = Partial<Record<PaymentField, string>>;

/** Builds the reader for one payments file: a `failed` row (or a file without status) becomes a failure. */
export function buildPaymentReader(context: RowContext) {
  const schema = buildPaymentSchema(context);
  return (cells: PaymentCells): RowResult<PaymentFailed | PaymentRecovered> => toRowResult(schema.safeParse(cells));
}

function buildPaymentSchema(context: RowContext) {
  const date = cell(orNull((raw) => parseCsvDate(raw, context.dates))).optional();

  const cells = z.object({
    accountId: cell(readText),
    invoiceId: cell(readText),
    amount: cell(orNull((raw) => parseDecimal(raw, context.decimalComma))).optional(),
    currency: cell(orNull(readCurrency)).optional(),
    failedAt: date,
    declineCode: cell(orNull(readText)).optional(),
    attemptCount: cell(orNull(parseWholeNumber)).optional(),
    nextRetryAt: date,
    status: cell(readPaymentStatus).optional(),
  });

  return cells.transform((row, ctx): PaymentFailed | PaymentRecovered => {
    const account = { source: context.source, externalId: row.accountId };
    // A recovery row carries no date of its own in this format, so it is observed at the import's start.
    if (row.status === 'recovered') {
      return { kind: 'payment.recovered', account, observedAt: context.importedAt, invoiceId: row.invoiceId };
    }

    const currency = row.currency ?? context.currency;
    if (!currency) ctx.addIssue({ code: 'custom', message: BLANK_CURRENCY, path: ['currency'] });
    if (!row.amount) ctx.addIssue({ code: 'custom', message: 'expected a number, got ""', path: ['amount'] });

    return {
      kind: 'payment.failed',
      account,
      // The failure's own date is more specific than the import's start, and keeps re-imports in order.
      observedAt: row.failedAt ?? context.importedAt,
      invoiceId: row.invoiceId,
      amountMinor: row.amount ? scaleAmount(row.amount, currency, context, 'amount', ctx) : 0,
      currency: currency ?? '',
      // A row in a failed-payments file is at least the first attempt.
      attemptCount: row.attemptCount ?? 1,
      nextRetryAt: row.nextRetryAt ?? null,
      declineCode: row.declineCode ?? null,
      failureMessage: null,
    };
  });
}
