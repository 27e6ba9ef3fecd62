import { parseDocument } from 'yaml';
import { z } from 'zod';
import { WinbackError } from '../../errors.ts';
import { isMergeTag, type MergeTag, tagsIn } from './merge-tags.ts';

export const EMAIL_KINDS = ['winback', 'dunning', 'checkout', 'card_expiry'] as const;

/** One email template: subject variants, and a text and an HTML body, optionally per variant. */
export interface EmailTemplate {
  key: string;
  kind: (typeof EMAIL_KINDS)[number];
  description: string;
  /** Variant keys in file order; two or more make an A/B test. */
  variants: string[];
  subjects: Record<string, string>;
  /** Keyed by variant, or `default` for the body every variant shares unless it has its own. */
  text: Record<string, string>;
  html: Record<string, string>;
  /** Every merge tag the template uses, anywhere. */
  tags: MergeTag[];
}

const frontMatterSchema = z.strictObject({
  kind: z.enum(EMAIL_KINDS),
  description: z.string().min(1),
  reason: z.string().optional(),
  subjects: z.record(z.string().regex(/^[A-Z]$/, 'variant keys are single capital letters'), z.string().min(1)),
});

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;
const SECTION = /^<!-- (text|html)(?::([A-Z]))? -->$/gm;

function invalid(file: string, problem: string): WinbackError {
  return new WinbackError('template_invalid', `${file}: ${problem}`);
}

function sectionsOf(body: string, file: string) {
  const text: Record<string, string> = {};
  const html: Record<string, string> = {};
  const marks = [...body.matchAll(SECTION)];
  marks.forEach((mark, i) => {
    const start = (mark.index ?? 0) + mark[0].length;
    const end = marks[i + 1]?.index ?? body.length;
    const target = mark[1] === 'text' ? text : html;
    const variant = mark[2] ?? 'default';
    if (target[variant] !== undefined) throw invalid(file, `the ${mark[0]} section appears twice`);
    target[variant] = body.slice(start, end).trim();
  });
  return { text, html };
}

/**
 * Reads a template file: YAML front matter (kind, description, subjects by variant letter), then
 * `<!-- text -->` and `<!-- html -->` sections, and optional `<!-- text:B -->` / `<!-- html:B -->`
 * bodies for one variant. A plain-text part is required; so is HTML. Unknown merge tags are errors.
 */
export function parseEmailTemplate(key: string, source: string, file = key): EmailTemplate {
  const normalized = source.replaceAll('\r\n', '\n');
  const front = normalized.match(FRONT_MATTER);
  if (!front) throw invalid(file, 'expected YAML front matter between two --- lines at the top');
  const parsed = frontMatterSchema.safeParse(parseDocument(front[1] ?? '').toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`);
    throw invalid(file, problems.join('; '));
  }
  const variants = Object.keys(parsed.data.subjects);
  if (variants.length === 0) throw invalid(file, 'subjects: expected at least one variant, e.g. A: Hello');

  const { text, html } = sectionsOf(normalized.slice(front[0].length), file);
  if (!text.default) throw invalid(file, 'expected a <!-- text --> section: every email has a plain-text part');
  if (!html.default) throw invalid(file, 'expected an <!-- html --> section');
  for (const variant of [...Object.keys(text), ...Object.keys(html)]) {
    if (variant !== 'default' && !variants.includes(variant)) throw invalid(file, `no subject for variant ${variant}`);
  }

  const everything = [...Object.values(parsed.data.subjects), ...Object.values(text), ...Object.values(html)];
  const names = tagsIn(everything.join('\n'));
  const unknown = names.filter((name) => !isMergeTag(name));
  if (unknown.length > 0) throw invalid(file, `unknown merge tag ${unknown.map((n) => `{{${n}}}`).join(', ')}`);

  return {
    key,
    kind: parsed.data.kind,
    description: parsed.data.description,
    variants,
    subjects: parsed.data.subjects,
    text,
    html,
    tags: names.filter(isMergeTag),
  };
}
