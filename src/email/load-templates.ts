import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/settings.ts';
import { type EmailTemplate, parseEmailTemplate } from '../domain/email/email-template.ts';
import { WinbackError } from '../errors.ts';

export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');

export type EmailTemplates = ReadonlyMap<string, EmailTemplate>;

/** Every `*.tmpl` file in `dir`, keyed by file name without the extension; checked once, at start. */
export function loadEmailTemplates(dir = TEMPLATES_DIR): EmailTemplates {
  const templates = new Map<string, EmailTemplate>();
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.tmpl'))
    .sort()) {
    const key = file.slice(0, -'.tmpl'.length);
    templates.set(key, parseEmailTemplate(key, readFileSync(path.join(dir, file), 'utf8'), `templates/${file}`));
  }
  return templates;
}

export function templateOrRefuse(templates: EmailTemplates, key: string): EmailTemplate {
  const template = templates.get(key);
  if (!template) {
    const known = [...templates.keys()].filter((name) => name.startsWith('winback_')).join(', ');
    throw new WinbackError('template_not_found', `no email template ${key}`, {
      userMessage: `There is no email template called \`${key}\`. Win-back templates: ${known}.`,
    });
  }
  return template;
}

/** The win-back template for a churn reason; accounts without one get the "other" template. */
export function winbackTemplateKeyFor(reason: string | null): string {
  return `winback_${reason ?? 'other'}`;
}
