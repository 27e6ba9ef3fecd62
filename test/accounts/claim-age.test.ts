import { describe, expect, it } from 'vitest';
import { describeClaimAge } from '../../src/accounts/claim-age.ts';

const now = new Date('2026-12-03T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('describeClaimAge', () => {
  it.each([
    [0, 'claimed just now'],
    [59 * SECOND, 'claimed just now'],
    [MINUTE, 'claimed 1 minute ago'],
    [59 * MINUTE + 59 * SECOND, 'claimed 59 minutes ago'],
    [HOUR, 'claimed 1 hour ago'],
    [DAY - SECOND, 'claimed 23 hours ago'],
    [DAY, 'claimed 1 day ago'],
    [3 * DAY + 5 * HOUR, 'claimed 3 days ago'],
    [-5 * MINUTE, 'claimed just now'],
  ])('%i ms ago reads "%s", whole units rounded down', (elapsed, text) => {
    expect(describeClaimAge(ago(elapsed), now)).toBe(text);
  });
});
