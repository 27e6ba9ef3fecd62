import type { z } from 'zod';

/** One thing wrong with a request: the field's path and a sentence that starts with it. */
export interface EventProblem {
  path: string;
  message: string;
}

const MAX_SHOWN = 40;

/** A value quoted for a problem message, cut so one long field cannot flood the answer. */
export function describeInput(input: unknown): string {
  if (typeof input === 'string') {
    if (input.length <= MAX_SHOWN) return JSON.stringify(input);
    return `${JSON.stringify(`${input.slice(0, MAX_SHOWN)}…`)} (${input.length} characters)`;
  }

  const json = JSON.stringify(input) ?? String(input);
  return json.length <= MAX_SHOWN ? json : `${json.slice(0, MAX_SHOWN)}…`;
}

/**
 * A zod error function saying what was expected and what came instead. A missing field reaches it as an
 * undefined input; "got nothing" would read oddly, so it says missing.
 */
export function expected(what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `missing; expected ${what}` : `expected ${what}, got ${describeInput(issue.input)}`;
}

/** `events[3].mrrMinor` from `['events', 3, 'mrrMinor']`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/**
 * Zod issues as problems, each message naming its field so it reads on its own in a sender's log. Zod puts
 * unknown keys in one issue on their object; each becomes its own problem, at the key, since each is its own typo.
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): EventProblem[] {
  return issues.flatMap((issue) => {
    const at = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => problem([...at, key], issue.message));
    return [problem(at, issue.message)];
  });
}

function problem(at: readonly PropertyKey[], message: string): EventProblem {
  const path = formatPath(at);
  return { path, message: `${path === '' ? 'request body' : path}: ${message}` };
}
