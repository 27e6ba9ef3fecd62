import { DateTime } from 'luxon';

export interface ReportPeriod {
  start: Date;
  /** Exclusive; never after now. */
  end: Date;
  /** "the last 90 days", "Q4 2026", "H1 2026", "2026". */
  label: string;
}

export const DEFAULT_PERIOD = '90d';

const MAX_DAYS = 3660;

/**
 * Reads a report period in the team's zone: `30d`, `12w`, `6m` (the last so many days, weeks or months
 * up to now); `q4` or `h1` (the latest such quarter or half that has begun); `2026-q1`, `2026-h2`,
 * `2026`. A period still running ends now. Null when the text is none of these or lies in the future.
 */
export function parsePeriod(text: string, now: Date, zone: string): ReportPeriod | null {
  const wanted = text.trim().toLowerCase();
  const today = DateTime.fromJSDate(now, { zone });

  const last = /^(\d{1,4})([dwm])$/.exec(wanted);
  if (last) return lastSpan(Number(last[1]), last[2] as 'd' | 'w' | 'm', today);

  const part = /^(?:(\d{4})-)?([qh])([1-4])$/.exec(wanted);
  if (part) return yearPart(part[1] ? Number(part[1]) : null, part[2] as 'q' | 'h', Number(part[3]), today);

  const year = /^(\d{4})$/.exec(wanted);
  if (year)
    return bounded(DateTime.fromObject({ year: Number(year[1]) }, { zone }), { years: 1 }, year[1] ?? '', today);
  return null;
}

function lastSpan(count: number, unit: 'd' | 'w' | 'm', today: DateTime): ReportPeriod | null {
  const units = { d: 'days', w: 'weeks', m: 'months' } as const;
  const start = today.minus({ [units[unit]]: count });
  if (count === 0 || today.diff(start, 'days').days > MAX_DAYS) return null;
  const label = count === 1 ? `the last ${units[unit].slice(0, -1)}` : `the last ${count} ${units[unit]}`;
  return { start: start.toJSDate(), end: today.toJSDate(), label };
}

function yearPart(year: number | null, kind: 'q' | 'h', index: number, today: DateTime): ReportPeriod | null {
  if (kind === 'h' && index > 2) return null;
  const months = kind === 'q' ? 3 : 6;
  const startOf = (y: number) =>
    DateTime.fromObject({ year: y, month: (index - 1) * months + 1 }, { zone: today.zone });
  // Without a year: this year's if it has begun, else last year's.
  const chosen = year ?? (startOf(today.year) <= today ? today.year : today.year - 1);
  return bounded(startOf(chosen), { months }, `${kind.toUpperCase()}${index} ${chosen}`, today);
}

function bounded(start: DateTime, length: { years?: number; months?: number }, label: string, today: DateTime) {
  if (!start.isValid || start > today) return null;
  const end = DateTime.min(start.plus(length), today);
  return { start: start.toJSDate(), end: end.toJSDate(), label };
}
