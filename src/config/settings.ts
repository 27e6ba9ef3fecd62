import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { checkEmailSettings, EMAIL_HINTS, emailSchema } from '../email/email-settings.ts';
import { teamSchema } from './team-settings.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where to get a value, shown beside any problem with it. */
export const HINTS: Record<string, string> = {
  SLACK_BOT_TOKEN:
    'Create the Slack app from manifest.yml (api.slack.com/apps → Create New App → From a manifest), install it ' +
    'to your workspace, then copy "Bot User OAuth Token" from OAuth & Permissions.',
  SLACK_SIGNING_SECRET:
    'Create the Slack app from manifest.yml, then copy "Signing Secret" from Basic Information → App Credentials.',
  SLACK_APP_TOKEN:
    'Only for Socket Mode: in the Slack app, Basic Information → App-Level Tokens → Generate, with the ' +
    'connections:write scope. Leave it unset to receive requests over HTTP.',
  SLACK_API_URL: 'Leave unset for Slack itself; tests point it at a local stand-in.',
  WINBACK_API_TOKEN:
    'The bearer token other billing systems send to POST /api/events; generate one with `openssl rand -hex 32`. ' +
    'Leave unset to turn the events API off.',
  STRIPE_WEBHOOK_SECRET:
    'In the Stripe dashboard, Developers → Webhooks → your endpoint (https://<host>/webhooks/stripe) → Signing secret. ' +
    'Leave unset to turn the Stripe webhook off.',
  DATABASE_URL: 'Leave unset to use the embedded PostgreSQL, or give postgresql://user:password@host:5432/db.',
  WINBACK_MIGRATE_ON_START: 'true (default) or false; when false run `npx winback migrate` before starting.',
  WINBACK_DATA_DIR: 'A folder for the embedded database and generated files; default .winback in the project.',
  WINBACK_EMBEDDED_PG_PORT: 'A free TCP port for the embedded PostgreSQL; default 54329.',
  PORT: 'The HTTP port for Slack requests, webhooks and /healthz; default 3000 (0 picks a free one).',
  HOST: 'The address to listen on; default 0.0.0.0.',
  LOG_LEVEL: 'Default info.',
  WINBACK_TIMEZONE: "The team's time zone for digests and working hours; default UTC.",
  WINBACK_HIGH_VALUE:
    'Which churned accounts the digest lists: pareto (default: the fewest accounts carrying 80% of lost value) ' +
    'or a CLV threshold in minor units.',
  WINBACK_DIGEST_CHANNELS: 'Comma-separated channel ids, each optionally with @HH:MM and @Time/Zone.',
  WINBACK_DIGEST_TIME: 'When digests post, local time; default 08:30.',
  WINBACK_DIGEST_QUIET: 'On a day with nothing new: note (post one line, default) or skip.',
  WINBACK_MANAGERS: 'Comma-separated Slack user ids of managers (profile → ⋮ → Copy member ID).',
  WINBACK_MANAGER_GROUP: 'A Slack user group whose members are managers (its id starts with S).',
  ...EMAIL_HINTS,
};

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => ['true', '1', 'yes'].includes(value));

const port = (fallback: number, lowest = 1) =>
  z.coerce
    .number({ error: 'expected a port number' })
    .int('expected a whole port number')
    .min(lowest, `expected a port from ${lowest} to 65535`)
    .max(65535, `expected a port from ${lowest} to 65535`)
    .default(fallback);

export const coreSchema = z
  .object({
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'expected one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, 'expected a URL starting with postgresql://')
      .optional(),
    WINBACK_MIGRATE_ON_START: bool(true),
    WINBACK_DATA_DIR: z
      .string()
      .default('.winback')
      .transform((dir) => path.resolve(PROJECT_ROOT, dir)),
    WINBACK_EMBEDDED_PG_PORT: port(54329),
  })
  .extend(teamSchema.shape);

export const serverSchema = z
  .object({
    // 0 asks the system for a free port (tests, benchmarks).
    PORT: port(3000, 0),
    HOST: z.string().default('0.0.0.0'),
    SLACK_BOT_TOKEN: z.string({ error: 'missing' }).startsWith('xoxb-', 'expected a bot token starting with "xoxb-"'),
    SLACK_SIGNING_SECRET: z
      .string()
      .regex(/^[0-9a-z]{32}$/i, 'expected the 32-character signing secret')
      .optional(),
    SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'expected an app-level token starting with "xapp-"').optional(),
    SLACK_API_URL: z.url({ error: 'expected an http(s) URL ending in /api/' }).optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .startsWith('whsec_', 'expected a signing secret starting with "whsec_"')
      .optional(),
    WINBACK_API_TOKEN: z.string().min(24, 'expected a random token of at least 24 characters').optional(),
  })
  .extend(emailSchema.shape)
  // Over HTTP, Bolt verifies every request with the signing secret; Socket Mode needs none.
  .refine((env) => env.SLACK_APP_TOKEN !== undefined || env.SLACK_SIGNING_SECRET !== undefined, {
    path: ['SLACK_SIGNING_SECRET'],
    message: 'missing (needed unless SLACK_APP_TOKEN turns on Socket Mode)',
    // Report it beside any other bad variable, not only once the rest parses.
    when: () => true,
  })
  .refine(checkEmailSettings, {
    path: ['WINBACK_FROM_EMAIL'],
    message: 'missing (needed to send email once SENDGRID_API_KEY is set)',
    when: () => true,
  });
