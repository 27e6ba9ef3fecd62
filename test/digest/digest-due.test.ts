import { describe, expect, it } from 'vitest';
import { digestDue } from '../../src/domain/digest/digest-due.ts';

const at830 = { hour: 8, minute: 30 };
const at230 = { hour: 2, minute: 30 };

// Instants are UTC so each row says exactly which moment is meant on a day whose offset changes.
describe('digestDue: due from the scheduled local time until the local day ends', () => {
  it.each([
    // Berlin springs forward on 29 March 2026 (02:00 CET → 03:00 CEST) and falls back on 25 October.
    { zone: 'Europe/Berlin', now: '2026-03-29T06:29:00Z', time: at830, localDate: '2026-03-29', due: false },
    { zone: 'Europe/Berlin', now: '2026-03-29T06:30:00Z', time: at830, localDate: '2026-03-29', due: true },
    { zone: 'Europe/Berlin', now: '2026-03-29T13:00:00Z', time: at830, localDate: '2026-03-29', due: true },
    { zone: 'Europe/Berlin', now: '2026-10-25T07:29:00Z', time: at830, localDate: '2026-10-25', due: false },
    { zone: 'Europe/Berlin', now: '2026-10-25T07:30:00Z', time: at830, localDate: '2026-10-25', due: true },
    { zone: 'Europe/Berlin', now: '2026-10-25T22:59:00Z', time: at830, localDate: '2026-10-25', due: true },
    // New York springs forward on 8 March 2026 and falls back on 1 November.
    { zone: 'America/New_York', now: '2026-03-08T12:29:00Z', time: at830, localDate: '2026-03-08', due: false },
    { zone: 'America/New_York', now: '2026-03-08T12:30:00Z', time: at830, localDate: '2026-03-08', due: true },
    { zone: 'America/New_York', now: '2026-11-01T13:29:00Z', time: at830, localDate: '2026-11-01', due: false },
    { zone: 'America/New_York', now: '2026-11-01T13:30:00Z', time: at830, localDate: '2026-11-01', due: true },
    // The local day, not the UTC day: 01:00 UTC on 2 November is still 1 November in New York.
    { zone: 'America/New_York', now: '2026-11-02T01:00:00Z', time: at830, localDate: '2026-11-01', due: true },
    { zone: 'America/New_York', now: '2026-11-02T05:00:00Z', time: at830, localDate: '2026-11-02', due: false },
  ])('$zone at $now: due $due for $localDate', ({ zone, now, time, localDate, due }) => {
    expect(digestDue(new Date(now), zone, time)).toEqual({ localDate, due });
  });
});

describe('digestDue: a scheduled time the clocks skip or repeat', () => {
  it.each([
    // 02:30 does not exist on the spring-forward day; luxon moves it an hour on, to 03:30 summer time.
    { zone: 'Europe/Berlin', now: '2026-03-29T00:59:00Z', local: '01:59 CET', due: false },
    { zone: 'Europe/Berlin', now: '2026-03-29T01:00:00Z', local: '03:00 CEST', due: false },
    { zone: 'Europe/Berlin', now: '2026-03-29T01:29:00Z', local: '03:29 CEST', due: false },
    { zone: 'Europe/Berlin', now: '2026-03-29T01:30:00Z', local: '03:30 CEST', due: true },
    { zone: 'America/New_York', now: '2026-03-08T07:29:00Z', local: '03:29 EDT', due: false },
    { zone: 'America/New_York', now: '2026-03-08T07:30:00Z', local: '03:30 EDT', due: true },
    // In Berlin 02:30 happens twice on the fall-back day: due from the first one.
    { zone: 'Europe/Berlin', now: '2026-10-25T00:29:00Z', local: '02:29 CEST', due: false },
    { zone: 'Europe/Berlin', now: '2026-10-25T00:30:00Z', local: '02:30 CEST', due: true },
    // In New York the repeated hour is 01:00 to 02:00; the second 01:30 is still before 02:30.
    { zone: 'America/New_York', now: '2026-11-01T06:30:00Z', local: '01:30 EST', due: false },
    { zone: 'America/New_York', now: '2026-11-01T07:30:00Z', local: '02:30 EST', due: true },
  ])('02:30 in $zone, at $local: due $due', ({ zone, now, due }) => {
    expect(digestDue(new Date(now), zone, at230).due).toBe(due);
  });
});
