import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Guardrails } from '../domain/offers/guardrails-schema.ts';
import { loadGuardrails } from '../domain/offers/load-guardrails.ts';
import { isWinbackError } from '../errors.ts';

// Settings of offers and their approval (src/offers, src/approvals); team-settings.ts merges them in.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const offerSettingsSchema = z.object({
  // Where offers that need a manager's sign-off are posted; unset, such offers cannot be proposed.
  WINBACK_APPROVALS_CHANNEL: z
    .string()
    .regex(/^[CG][A-Z0-9]{6,}$/, 'expected a channel id such as C0123ABCD (channel details → bottom)')
    .optional(),
  // A path (relative paths start at the project folder); the settings hold the checked file, so a
  // bad file stops start-up with each problem named, beside any other bad setting.
  WINBACK_GUARDRAILS: z
    .string()
    .default('config/guardrails.yml')
    .transform((file, ctx): Guardrails => {
      const resolved = path.resolve(ROOT, file);
      try {
        return loadGuardrails(resolved);
      } catch (error) {
        if (!isWinbackError(error)) throw error;
        const problems = error.message.split('\n').join('\n    ');
        ctx.addIssue({ code: 'custom', message: `the guardrails file needs attention:\n    ${problems}` });
        return z.NEVER;
      }
    }),
});

export type OfferSettings = z.infer<typeof offerSettingsSchema>;
