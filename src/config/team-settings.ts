import { IANAZone } from 'luxon';
import { z } from 'zod';
import { CLV_THRESHOLD_MAX } from '../db/integer-column.ts';
import { offerSettingsSchema } from './offer-settings.ts';
import { scoringSchema } from './scoring-settings.ts';

// Settings of the team's win-back routine: who manages, when digests post, what counts as valuable.

const zone = z
  .string()
  .refine((value) => IANAZone.isValidZone(value), 'expected an IANA time zone such as Europe/Berlin');

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a 24-hour time such as 08:30')
  .transform((value) => ({ hour: Number(value.slice(0, 2)), minute: Number(value.slice(3, 5)) }));

export type ClockTime = z.infer<typeof clock>;

export interface DigestChannel {
  channelId: string;
  time: ClockTime;
  zone: string;
}

const list = (item: z.ZodString, what: string) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item, { error: what }));

/** `C0123ABC` or `C0123ABC@08:30` or `C0123ABC@08:30@Europe/Berlin`, comma-separated. */
const digestChannels = z.string().transform((value, ctx) => {
  const channels: { channelId: string; time?: string; zone?: string }[] = [];
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [channelId = '', time, timeZone] = entry.split('@');
    if (
      !/^[CG][A-Z0-9]{6,}$/.test(channelId) ||
      (time && !clock.safeParse(time).success) ||
      (timeZone && !zone.safeParse(timeZone).success)
    ) {
      ctx.addIssue({
        code: 'custom',
        message: `expected CHANNEL_ID[@HH:MM[@Time/Zone]] entries such as C0123ABCD@08:30@Europe/Berlin, got "${entry}"`,
      });
      return z.NEVER;
    }
    channels.push({ channelId, time, zone: timeZone });
  }
  return channels;
});

export const teamSchema = z.object({
  WINBACK_TIMEZONE: zone.default('UTC'),
  WINBACK_HIGH_VALUE: z
    .string()
    .default('pareto')
    .refine((value) => value === 'pareto' || /^\d+$/.test(value), 'expected pareto or a CLV in minor units, e.g. 50000')
    .refine(
      (value) => value === 'pareto' || Number(value) <= CLV_THRESHOLD_MAX,
      `expected a CLV of at most ${CLV_THRESHOLD_MAX.toLocaleString('en-US')} minor units`,
    )
    .transform((value) =>
      value === 'pareto' ? ({ kind: 'pareto' } as const) : ({ kind: 'clv_at_least', minor: Number(value) } as const),
    ),
  WINBACK_DIGEST_MAX_ITEMS: z.coerce
    .number({ error: 'expected a number' })
    .int('expected a whole number')
    .min(1, 'expected 1 to 500')
    .max(500, 'expected 1 to 500')
    .default(100),
  WINBACK_DIGEST_CHANNELS: digestChannels.default([]),
  WINBACK_DIGEST_TIME: clock.default({ hour: 8, minute: 30 }),
  WINBACK_DIGEST_QUIET: z.enum(['note', 'skip'], { error: 'expected note or skip' }).default('note'),
  WINBACK_MANAGERS: list(z.string().regex(/^[UW][A-Z0-9]{6,}$/), 'expected Slack user ids such as U0123ABCD').default(
    [],
  ),
  WINBACK_MANAGER_GROUP: z
    .string()
    .regex(/^S[A-Z0-9]{6,}$/, 'expected a user group id such as S0123ABCD')
    .optional(),
  WINBACK_ESCALATE_AFTER_HOURS: z.coerce
    .number({ error: 'expected a number of working hours' })
    .min(1, 'expected at least 1 working hour')
    .default(8),
  ...scoringSchema.shape,
  ...offerSettingsSchema.shape,
});

export type TeamSettings = z.infer<typeof teamSchema>;

/** Each digest channel with its own time and zone, or the team's defaults. */
export function digestChannelsOf(settings: TeamSettings): DigestChannel[] {
  return settings.WINBACK_DIGEST_CHANNELS.map((channel) => ({
    channelId: channel.channelId,
    time: channel.time ? (clock.parse(channel.time) as ClockTime) : settings.WINBACK_DIGEST_TIME,
    zone: channel.zone ?? settings.WINBACK_TIMEZONE,
  }));
}
