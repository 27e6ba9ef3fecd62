import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { parseQuietHours } from '../domain/email/quiet-hours.ts';

/** Where to get each email setting, shown beside any problem with it. */
export const EMAIL_HINTS: Record<string, string> = {
  SENDGRID_API_KEY:
    'In SendGrid, Settings → API Keys → Create API Key with "Mail Send" access; it starts with SG. ' +
    'Leave unset to turn email off.',
  SENDGRID_API_URL: 'Leave unset for SendGrid itself; tests point it at a local stand-in.',
  SENDGRID_SANDBOX: 'true to have SendGrid check every email and deliver none (a dry run); default false.',
  SENDGRID_UNSUBSCRIBE_GROUP:
    'The id of an unsubscribe group (Marketing → Unsubscribe Groups), so every email carries an unsubscribe link.',
  SENDGRID_WEBHOOK_PUBLIC_KEY:
    'Settings → Mail Settings → Event Webhook → enable "Signed Event Webhook" and copy the Verification Key. ' +
    'Leave unset to turn POST /webhooks/sendgrid off.',
  WINBACK_FROM_EMAIL: 'The sender address, on a domain authenticated in SendGrid (Settings → Sender Authentication).',
  WINBACK_FROM_NAME: 'The sender name customers see; default "Customer Success".',
  WINBACK_EMAIL_QUIET_HOURS:
    "No email leaves during these hours in the recipient's time zone, HH:MM-HH:MM; default 20:00-08:00.",
  WINBACK_EMAIL_CAP_DAYS: 'At most one win-back email per account in this many days; default 7 (0 turns it off).',
  WINBACK_DUNNING_DAYS: 'Days after a failed payment when reminders go out, comma-separated; default 1,3,7.',
  WINBACK_CARD_EXPIRY_NOTICE_DAYS: 'How many days before a card expires its reminder goes out; default 14.',
  WINBACK_APP_URL: "Your product's address (https://app.example.com): the reactivate, payment and checkout links.",
  WINBACK_BOOKING_URL: 'A scheduling page where customers book a session (the {{book_session_url}} link).',
  WINBACK_SURVEY_URL: 'A short exit survey (the {{survey_url}} link); the account id is added as ?account=.',
};

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((value) => ['true', '1', 'yes'].includes(value));

const whole = (what: string, fallback: number, min = 0) =>
  z.coerce
    .number({ error: `expected ${what}` })
    .int(`expected ${what}`)
    .min(min, `expected ${what}`)
    .default(fallback);

const publicKey = z.string().refine((value) => {
  try {
    const key = createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
  } catch {
    return false;
  }
}, 'expected the base64 Verification Key SendGrid shows (an ECDSA P-256 public key)');

const days = z
  .string()
  .default('1,3,7')
  .transform((value) => value.split(',').map((part) => Number(part.trim())))
  .refine(
    (list) =>
      list.length > 0 && list.every((n, i) => Number.isFinite(n) && n >= 0 && (i === 0 || n > (list[i - 1] ?? 0))),
    'expected increasing numbers of days such as 1,3,7',
  );

export const emailSchema = z.object({
  SENDGRID_API_KEY: z.string().startsWith('SG.', 'expected an API key starting with "SG."').optional(),
  SENDGRID_API_URL: z.url({ error: 'expected an http(s) URL' }).optional(),
  SENDGRID_SANDBOX: bool(false),
  SENDGRID_UNSUBSCRIBE_GROUP: z.coerce.number({ error: 'expected a group id' }).int('expected a group id').optional(),
  SENDGRID_WEBHOOK_PUBLIC_KEY: publicKey.optional(),
  WINBACK_FROM_EMAIL: z.email({ error: 'expected an email address' }).optional(),
  WINBACK_FROM_NAME: z.string().default('Customer Success'),
  WINBACK_EMAIL_QUIET_HOURS: z
    .string()
    .default('20:00-08:00')
    .transform((value, ctx) => {
      const quiet = parseQuietHours(value);
      if (!quiet) ctx.addIssue({ code: 'custom', message: 'expected HH:MM-HH:MM such as 20:00-08:00' });
      return quiet ?? { startMinute: 0, endMinute: 0 };
    }),
  WINBACK_EMAIL_CAP_DAYS: whole('a whole number of days', 7),
  WINBACK_DUNNING_DAYS: days,
  WINBACK_CARD_EXPIRY_NOTICE_DAYS: whole('a whole number of days', 14, 1),
  WINBACK_APP_URL: z.url({ error: 'expected an http(s) URL' }).optional(),
  WINBACK_BOOKING_URL: z.url({ error: 'expected an http(s) URL' }).optional(),
  WINBACK_SURVEY_URL: z.url({ error: 'expected an http(s) URL' }).optional(),
});

export type EmailSettings = z.infer<typeof emailSchema> & { WINBACK_TIMEZONE: string };

/** Sending needs a sender: reported beside any other problem, so one start names them all. */
export function checkEmailSettings(env: { SENDGRID_API_KEY?: string; WINBACK_FROM_EMAIL?: string }): boolean {
  return env.SENDGRID_API_KEY === undefined || env.WINBACK_FROM_EMAIL !== undefined;
}
