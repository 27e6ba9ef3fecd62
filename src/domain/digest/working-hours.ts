import { DateTime } from 'luxon';

/** Monday to Friday, 09:00 to 17:00 local time: the hours someone is expected to see a digest. */
export const WORKDAY = { startHour: 9, endHour: 17 };

/** Working hours elapsed between two instants in a zone; weekends and nights count for nothing. */
export function workingHoursBetween(from: Date, to: Date, zone: string): number {
  let cursor = DateTime.fromJSDate(from, { zone });
  const end = DateTime.fromJSDate(to, { zone });
  let minutes = 0;
  while (cursor < end) {
    const dayStart = cursor.startOf('day').set({ hour: WORKDAY.startHour });
    const dayEnd = cursor.startOf('day').set({ hour: WORKDAY.endHour });
    if (cursor.weekday <= 5) {
      const start = cursor > dayStart ? cursor : dayStart;
      const stop = end < dayEnd ? end : dayEnd;
      if (stop > start) minutes += stop.diff(start, 'minutes').minutes;
    }
    cursor = cursor.startOf('day').plus({ days: 1 });
  }
  return minutes / 60;
}
