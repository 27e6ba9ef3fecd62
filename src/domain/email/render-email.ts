import type { EmailTemplate } from './email-template.ts';
import { escapeHtml } from './escape-html.ts';
import { type MergeTag, type MergeValues, type MissingTag, missingTags, replaceTags, tagsIn } from './merge-tags.ts';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export type RenderResult = ({ status: 'ok' } & RenderedEmail) | { status: 'missing'; missing: MissingTag[] };

export interface EmailParts {
  subject: string;
  text: string;
  html: string;
}

/** The subject and bodies one variant uses, still with their tags. */
export function partsOf(template: EmailTemplate, variant: string): EmailParts {
  return {
    subject: template.subjects[variant] ?? template.subjects[template.variants[0] ?? ''] ?? '',
    text: template.text[variant] ?? template.text.default ?? '',
    html: template.html[variant] ?? template.html.default ?? '',
  };
}

const usedTags = (parts: EmailParts) => tagsIn(`${parts.subject}\n${parts.text}\n${parts.html}`) as MergeTag[];

/**
 * One variant filled with one account's values. Refuses, naming each tag, when the variant uses a tag
 * the account lacks: an email saying "Hi ," is worse than none. Values are escaped in the HTML part
 * and kept as they are in the text part; the subject never carries a line break.
 */
export function renderEmail(template: EmailTemplate, variant: string, values: MergeValues): RenderResult {
  const parts = partsOf(template, variant);
  const missing = missingTags(usedTags(parts), values);
  if (missing.length > 0) return { status: 'missing', missing };

  const value = (tag: MergeTag) => values[tag]?.trim() ?? '';
  return {
    status: 'ok',
    subject: replaceTags(parts.subject, value).replace(/\s*[\r\n]+\s*/g, ' '),
    text: replaceTags(parts.text, value),
    html: replaceTags(parts.html, (tag) => escapeHtml(value(tag))),
  };
}

/**
 * SendGrid substitution keys for one tag in each part. A batch request shares one body across up to
 * 1000 recipients; these placeholders stand where each recipient's value goes.
 */
export const substitutionKey = {
  text: (tag: MergeTag) => `t.${tag}`,
  html: (tag: MergeTag) => `h.${tag}`,
};

/** The shared text and HTML of a batch, with `{{t.tag}}` / `{{h.tag}}` where values go. */
export function batchSkeleton(template: EmailTemplate, variant: string): { text: string; html: string } {
  const parts = partsOf(template, variant);
  return {
    text: replaceTags(parts.text, (tag) => `{{${substitutionKey.text(tag)}}}`),
    html: replaceTags(parts.html, (tag) => `{{${substitutionKey.html(tag)}}}`),
  };
}

/** One recipient's substitutions for `batchSkeleton`: raw for text, escaped for HTML. */
export function batchSubstitutions(template: EmailTemplate, variant: string, values: MergeValues) {
  const parts = partsOf(template, variant);
  const substitutions: Record<string, string> = {};
  for (const tag of tagsIn(`${parts.text}\n${parts.html}`) as MergeTag[]) {
    const value = values[tag]?.trim() ?? '';
    substitutions[substitutionKey.text(tag)] = value;
    substitutions[substitutionKey.html(tag)] = escapeHtml(value);
  }
  return substitutions;
}

/** What SendGrid does with a substitution set, for tests and checks: every `{{key}}` replaced once. */
export function applySubstitutions(body: string, substitutions: Record<string, string>): string {
  return body.replace(/\{\{([th]\.[a-z0-9_]+)\}\}/g, (whole, key: string) => substitutions[key] ?? whole);
}
