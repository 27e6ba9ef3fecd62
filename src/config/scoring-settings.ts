import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

// Settings of account scoring (src/scoring) and of the playbook; team-settings.ts merges them in.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const share = (what: string, example = '0.8') =>
  z.coerce
    .number({ error: `expected ${what} as a number from 0 to 1, e.g. ${example}` })
    .min(0, `expected ${what} as a number from 0 to 1, e.g. ${example}`)
    .max(1, `expected ${what} as a number from 0 to 1, e.g. ${example}`);

export const scoringSchema = z.object({
  // What a churned account's future revenue is worth after the cost of serving it; not measurable from billing data.
  // Above 0: at 0 every lost value is 0, so no account would carry any of it and none would be high value.
  WINBACK_GROSS_MARGIN: share('the gross margin')
    .refine((value) => value > 0, 'expected the gross margin above 0, e.g. 0.8')
    .default(0.8),
  // Unset: measured from the accounts' churn dates over the three months before each rescoring run.
  WINBACK_MONTHLY_CHURN_RATE: share('the monthly churn rate', '0.03').optional(),
  WINBACK_PARETO_SHARE: share('the share of lost value')
    .refine((value) => value > 0, 'expected the share of lost value above 0, e.g. 0.8')
    .default(0.8),
  // Relative paths start at the project folder, like WINBACK_DATA_DIR.
  WINBACK_PLAYBOOK: z
    .string()
    .default('config/playbook.yml')
    .transform((file) => path.resolve(ROOT, file)),
});

export type ScoringSettings = z.infer<typeof scoringSchema>;
