import { IANAZone } from 'luxon';
import { z } from 'zod';
import { CHURN_REASONS, type ChurnReason } from '../../domain/churn-reason.ts';
import type { Parsed } from './csv-fields.ts';
import { describeValue } from './describe-value.ts';

export type AccountStatus = 'trialing' | 'active' | 'past_due' | 'churned';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const STATUSES: Record<string, AccountStatus> = {
  trialing: 'trialing',
  active: 'active',
  past_due: 'past_due',
  churned: 'churned',
  // Billing systems (Stripe among them) export a cancelled subscription as `canceled`.
  canceled: 'churned',
  cancelled: 'churned',
};
// One schema for every cell: building z.email() is dearer than running it.
const EMAIL = z.email();
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** Wraps a pure cell reader as a zod schema whose issue message is the reader's sentence. */
export function cell<T>(read: (raw: string) => Parsed<T>) {
  return z.string().transform((raw, ctx) => {
    const result = read(raw);
    if (result.ok) return result.value;

    ctx.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  });
}

/** A blank cell means "none" for optional fields; only a filled cell is read. */
export function orNull<T>(read: (raw: string) => Parsed<T>): (raw: string) => Parsed<T | null> {
  return (raw) => (raw === '' ? { ok: true, value: null } : read(raw));
}

export function readText(raw: string): Parsed<string> {
  return raw === '' ? fail('expected a value', raw) : { ok: true, value: raw };
}

export function readEmail(raw: string): Parsed<string> {
  return EMAIL.safeParse(raw).success ? { ok: true, value: raw } : fail('expected an email address', raw);
}

export function readTimezone(raw: string): Parsed<string> {
  if (IANAZone.isValidZone(raw)) return { ok: true, value: raw };
  return fail('expected an IANA time zone such as Europe/Paris', raw);
}

export function readLocale(raw: string): Parsed<string> {
  try {
    const [canonical] = Intl.getCanonicalLocales(raw);
    if (canonical) return { ok: true, value: canonical };
  } catch {
    // Intl throws a RangeError for a malformed tag; the sentence below says what was expected.
  }
  return fail('expected a locale such as en-US', raw);
}

export function readCurrency(raw: string): Parsed<string> {
  const code = raw.toUpperCase();
  return CURRENCIES.has(code) ? { ok: true, value: code } : fail('expected a currency code such as USD', raw);
}

export function readStatus(raw: string): Parsed<AccountStatus> {
  const status = STATUSES[raw.toLowerCase().replace(/[\s-]+/g, '_')];
  return status ? { ok: true, value: status } : fail('expected one of trialing, active, past_due, churned', raw);
}

export function readYesNo(raw: string): Parsed<boolean> {
  const word = raw.toLowerCase();
  if (YES.has(word)) return { ok: true, value: true };
  if (NO.has(word)) return { ok: true, value: false };
  return fail('expected yes or no', raw);
}

export function readChurnReason(raw: string): Parsed<ChurnReason> {
  const reason = CHURN_REASONS.find((known) => known === raw.toLowerCase().replace(/[\s-]+/g, '_'));
  return reason ? { ok: true, value: reason } : fail(`expected one of ${CHURN_REASONS.join(', ')}`, raw);
}

export function readPaymentStatus(raw: string): Parsed<'failed' | 'recovered'> {
  const status = raw.toLowerCase();
  if (status === 'failed' || status === 'recovered') return { ok: true, value: status };
  return fail('expected failed or recovered', raw);
}

function fail(expected: string, raw: string): { ok: false; error: string } {
  return { ok: false, error: `${expected}, got ${describeValue(raw)}` };
}
