import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { WinbackError } from '../../errors.ts';
import { type Guardrails, guardrailsSchema } from './guardrails-schema.ts';

/**
 * Reads and checks the offer guardrails once, at start. Returns them frozen, or throws a WinbackError
 * (code `guardrails_invalid`) with one line per problem, each starting with the file and the place in
 * it: `config/guardrails.yml: limits.maxPercentOff: expected a whole number from 1 to 100, got 150`.
 */
export function loadGuardrails(file: string): Guardrails {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw invalid(file, [`cannot read the guardrails file (${reason})`]);
  }
  return parseGuardrails(text, file);
}

export function parseGuardrails(text: string, file: string): Guardrails {
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) {
    throw invalid(
      file,
      document.errors.map((error) => {
        const at = error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : 'somewhere';
        return `${at}: YAML syntax error: ${error.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '')}`;
      }),
    );
  }
  if (document.contents === null) throw invalid(file, ['the file is empty; expected limits, autoApproval and more']);

  const result = guardrailsSchema.safeParse(document.toJS());
  if (!result.success) throw invalid(file, result.error.issues.flatMap(describeIssue));
  return deepFreeze(result.data);
}

function invalid(file: string, problems: string[]): WinbackError {
  return new WinbackError('guardrails_invalid', problems.map((problem) => `${file}: ${problem}`).join('\n'));
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  // zod reports every stray key of a mapping in one issue; each gets its own line and path.
  const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
  return paths.map((path) => (path.length === 0 ? issue.message : `${path.map(String).join('.')}: ${issue.message}`));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
