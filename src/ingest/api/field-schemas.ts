import { IANAZone } from 'luxon';
import { z } from 'zod';
import { INTEGER_COLUMN_MAX } from '../../db/integer-column.ts';
import { expected } from './describe-issues.ts';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const TIME = 'an ISO 8601 time with an offset, such as 2025-03-01T12:00:00Z';
const CURRENCY = 'an ISO 4217 currency code such as USD';
const SOURCE = 'the name of your billing system: 1 to 40 of a-z, 0-9, _ and -, such as chargebee';

// Every builder below words its own messages, so a sender reads what was expected, not zod's defaults.
const says = (what: string) => ({ error: expected(what) });

/**
 * A strict object: a key it does not know is reported with the keys it does, so a typo is easy to spot.
 * `what` words a wrong or missing object; `owner` names it in the list of known keys.
 */
export function strictObject<Shape extends z.ZodRawShape>(what: string, owner: string, shape: Shape) {
  const known = `unknown field; ${owner} has ${Object.keys(shape).join(', ')}`;
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? known : says(what).error(issue)),
  });
}

// PostgreSQL text and jsonb cannot hold U+0000: refused here, so the event is rejected alone, with a reason.
const NUL_FREE = says('text without NUL characters (\\u0000)');
const hasNoNul = (value: string) => !value.includes('\u0000');

/** An id in the sender's system. */
export const reference = (what: string) =>
  z.string(says(what)).min(1, says(what)).max(255, says(what)).refine(hasNoNul, NUL_FREE);

export const sourceName = () => z.string(says(SOURCE)).regex(/^[a-z0-9_-]{1,40}$/, says(SOURCE));

/** Optional text; null clears it. An empty string is refused rather than guessed to mean null. */
export function text(max: number) {
  return z
    .string(says('text or null'))
    .min(1, says('non-empty text or null'))
    .max(max, says(`text of at most ${max} characters`))
    .refine(hasNoNul, NUL_FREE)
    .nullable()
    .optional();
}

/** A whole number that fits an integer column; `orNull` only words the message. */
export function whole(noun: string, min: number, orNull = '') {
  const range = says(`${noun} from ${min} to ${INTEGER_COLUMN_MAX}`);
  return z
    .int(says(`${noun}${orNull}`))
    .min(min, range)
    .max(INTEGER_COLUMN_MAX, range);
}

export const minorUnits = () => whole('an integer (minor units)', 0);
export const seats = () => whole('a whole number of seats', 0, ', or null').nullable().optional();
export const time = () => z.iso.datetime({ offset: true, ...says(TIME) });
export const optionalTime = () =>
  z.iso
    .datetime({ offset: true, ...says(`${TIME}, or null`) })
    .nullable()
    .optional();
export const currency = () =>
  z.string(says(CURRENCY)).refine((code) => CURRENCIES.has(code.toUpperCase()), says(CURRENCY));

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, orNull = '') =>
  z.enum(values, says(`one of ${values.join(', ')}${orNull}`));

export const email = () =>
  z.email(says('an email address or null')).max(320, says('an email address or null')).nullable().optional();

export const timezone = () => {
  const what = says('an IANA time zone such as Europe/Paris, or null');
  return z.string(what).refine(IANAZone.isValidZone, what).nullable().optional();
};

export const locale = () => {
  const what = says('a locale such as en-US, or null');
  return z.string(what).refine(isLocale, what).nullable().optional();
};

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    // Intl throws a RangeError for a malformed tag: that is the answer, not a failure.
    return false;
  }
}
