import { describe, expect, it } from 'vitest';
import { workingHoursBetween } from '../../src/domain/digest/working-hours.ts';
import { localTime } from './digest-rig.ts';

const berlin = 'Europe/Berlin';

// 13 November 2026 is a Friday.
describe('workingHoursBetween: Monday to Friday, 09:00 to 17:00 local', () => {
  it.each([
    { from: '2026-11-13T16:00', to: '2026-11-13T17:00', hours: 1, why: 'Friday 16:00 to the end of the day' },
    { from: '2026-11-13T16:00', to: '2026-11-13T23:59', hours: 1, why: 'the evening counts for nothing' },
    { from: '2026-11-13T16:00', to: '2026-11-14T12:00', hours: 1, why: 'Saturday counts for nothing' },
    { from: '2026-11-13T16:00', to: '2026-11-16T09:00', hours: 1, why: 'up to Monday 09:00' },
    { from: '2026-11-13T16:00', to: '2026-11-16T09:59', hours: 1 + 59 / 60, why: 'one minute short of two' },
    { from: '2026-11-13T16:00', to: '2026-11-16T10:00', hours: 2, why: 'Monday 10:00 makes two' },
    { from: '2026-11-14T10:00', to: '2026-11-16T11:00', hours: 2, why: 'a Saturday start waits for Monday' },
    { from: '2026-11-16T07:00', to: '2026-11-16T08:59', hours: 0, why: 'before the working day' },
    { from: '2026-11-16T08:00', to: '2026-11-17T08:00', hours: 8, why: 'one whole working day' },
    { from: '2026-11-16T12:00', to: '2026-11-16T11:00', hours: 0, why: 'an end before the start' },
    // The weekend Berlin falls back (25 October 2026, a Sunday): the 25-hour day is a weekend day anyway.
    { from: '2026-10-23T16:00', to: '2026-10-26T10:00', hours: 2, why: 'across the fall-back weekend' },
    { from: '2026-03-27T16:00', to: '2026-03-30T10:00', hours: 2, why: 'across the spring-forward weekend' },
  ])('$why: $hours', ({ from, to, hours }) => {
    expect(workingHoursBetween(localTime(from, berlin), localTime(to, berlin), berlin)).toBeCloseTo(hours, 6);
  });

  it('counts in the given zone: Friday 16:00 in New York is 22:00 in Berlin, after its working day; Monday 10:00 is 16:00', () => {
    const friday = localTime('2026-11-13T16:00', 'America/New_York');
    const monday = localTime('2026-11-16T10:00', 'America/New_York');
    expect(workingHoursBetween(friday, monday, 'America/New_York')).toBe(2);
    expect(workingHoursBetween(friday, monday, berlin)).toBe(7);
  });
});
