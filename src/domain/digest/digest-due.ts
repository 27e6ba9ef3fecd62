import { DateTime } from 'luxon';
import type { ClockTime } from '../../config/team-settings.ts';

/**
 * The local day a digest belongs to, and whether its time has come. Due from the scheduled local
 * time until the day ends, so an app that was down at 08:30 still posts when it is back at 11:00.
 * On a day whose clocks skip the scheduled time (spring forward), luxon moves it past the gap.
 */
export function digestDue(now: Date, zone: string, time: ClockTime): { localDate: string; due: boolean } {
  const local = DateTime.fromJSDate(now, { zone });
  const scheduled = local.set({ hour: time.hour, minute: time.minute, second: 0, millisecond: 0 });
  return { localDate: local.toISODate() ?? '', due: local >= scheduled };
}
