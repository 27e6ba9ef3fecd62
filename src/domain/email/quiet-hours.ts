import { DateTime } from 'luxon';

export interface QuietHours {
  /** Minutes after local midnight when quiet starts and ends; start > end spans midnight. */
  startMinute: number;
  endMinute: number;
}

/** "20:00-08:00" → quiet from 20:00 to 08:00 local time; equal ends mean no quiet hours. */
export function parseQuietHours(value: string): QuietHours | null {
  const match = value.match(/^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/);
  if (!match) return null;
  const [, h1, m1, h2, m2] = match.map(Number) as [number, number, number, number, number];
  return { startMinute: h1 * 60 + m1, endMinute: h2 * 60 + m2 };
}

function isQuiet(minute: number, quiet: QuietHours): boolean {
  const { startMinute, endMinute } = quiet;
  if (startMinute === endMinute) return false;
  if (startMinute < endMinute) return minute >= startMinute && minute < endMinute;
  return minute >= startMinute || minute < endMinute;
}

/**
 * The earliest moment at or after `at` outside quiet hours in `zone` (the recipient's), as a UTC
 * Date. Quiet hours end at local wall-clock time, so a DST change moves the instant, not the hour; an
 * unknown zone falls back to `fallbackZone`.
 */
export function nextSendableTime(at: Date, zone: string | null, quiet: QuietHours, fallbackZone = 'UTC'): Date {
  let local = DateTime.fromJSDate(at, { zone: zone ?? fallbackZone });
  if (!local.isValid) local = DateTime.fromJSDate(at, { zone: fallbackZone });
  const minute = local.hour * 60 + local.minute;
  if (!isQuiet(minute, quiet)) return at;

  const wallClock = { hour: Math.floor(quiet.endMinute / 60), minute: quiet.endMinute % 60, second: 0, millisecond: 0 };
  const endToday = local.set(wallClock);
  const end = endToday > local ? endToday : local.plus({ days: 1 }).set(wallClock);
  return end.toJSDate();
}
