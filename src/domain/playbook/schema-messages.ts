import { z } from 'zod';

/**
 * Zod schemas whose messages say what was expected and what the file held, in words a person editing
 * YAML follows: `expected a number from 1 to 100, got "lots"`, or `missing; expected non-empty text`.
 */

type Issue = z.core.$ZodRawIssue;

/** A value as the message quotes it: strings in quotes and cut at 40 characters, structures by kind. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return String(value);
}

/** "expected X, got Y", or "missing; expected X" when the field is absent. */
export function expected(what: string, input: unknown): string {
  return input === undefined ? `missing; expected ${what}` : `expected ${what}, got ${describeValue(input)}`;
}

export function text() {
  const error = (issue: Issue) => expected('non-empty text', issue.input);
  return z.string({ error }).trim().min(1, { error });
}

export function numberFrom(min: number, max: number) {
  const error = (issue: Issue) => expected(`a number from ${min} to ${max}`, issue.input);
  return z.number({ error }).min(min, { error }).max(max, { error });
}

export function wholeNumberFrom(min: number, max: number) {
  const error = (issue: Issue) => expected(`a whole number from ${min} to ${max}`, issue.input);
  return z.int({ error }).min(min, { error }).max(max, { error });
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (issue) => expected(`one of ${values.join(', ')}`, issue.input) });
}

/**
 * A mapping that refuses fields it does not know, so a typo ("percentof") is an error rather than a
 * silently ignored setting. `what` names the mapping; `unknown` names a stray key ("field", "churn reason").
 */
export function mapping<S extends z.core.$ZodLooseShape>(
  shape: S,
  options: { what: string; unknown?: string; missing?: string },
) {
  const keys = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `unknown ${options.unknown ?? 'field'}; expected one of ${keys}`;
      if (issue.input === undefined && options.missing) return `missing; ${options.missing}`;
      return expected(options.what, issue.input);
    },
  });
}
