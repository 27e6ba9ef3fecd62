import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { WinbackError } from '../../errors.ts';
import { type Playbook, playbookSchema } from './playbook-schema.ts';

/**
 * Reads and checks the churn-reason playbook once, at start. Returns it frozen, or throws a WinbackError
 * (code `playbook_invalid`) whose message has one line per problem, each naming the file, where in it
 * and what is wrong: `config/playbook.yml: reasons.price.offer.percentOff: expected a number from 1 to
 * 100, got "lots"`. YAML syntax errors name the line and column instead of a path.
 */
export function loadPlaybook(path: string): Playbook {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new WinbackError('playbook_invalid', `${path}: cannot read the playbook file (${reason})`, { cause: error });
  }
  return parsePlaybook(text, path);
}

const EMPTY_FILE = 'the file is empty; expected reasons with one entry per churn reason';

/** Checks playbook YAML already read; `file` is the name the messages start with. */
export function parsePlaybook(text: string, file: string): Playbook {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    throw invalid(file, document.errors.map(describeSyntaxError));
  }
  // Empty or comments only: YAML reads it as null, and "got null" would say less than this.
  if (document.contents === null) throw invalid(file, [EMPTY_FILE]);

  const result = playbookSchema.safeParse(document.toJS());
  if (!result.success) throw invalid(file, result.error.issues.flatMap(describeIssue));
  return deepFreeze(result.data);
}

function invalid(file: string, problems: string[]): WinbackError {
  return new WinbackError('playbook_invalid', problems.map((problem) => `${file}: ${problem}`).join('\n'));
}

// yaml appends "at line L, column C:" and a source excerpt to its message; the position leads ours instead.
function describeSyntaxError(error: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] }) {
  const problem = error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
  const position = error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : 'somewhere';
  return `${position}: YAML syntax error: ${problem}`;
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  // zod reports all stray keys of a mapping in one issue; each gets its own line, with its own path.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${formatPath([...issue.path, key])}: ${issue.message}`);
  }
  return [issue.path.length === 0 ? issue.message : `${formatPath(issue.path)}: ${issue.message}`];
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
