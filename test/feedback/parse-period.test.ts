import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/feedback/parse-period.ts';

// Thursday 3 December 2026, 10:00 in Berlin.
const NOW = new Date('2026-12-03T09:00:00Z');
const ZONE = 'Europe/Berlin';

describe('parsePeriod', () => {
  it.each<{ text: string; start: string; end: string; label: string }>([
    { text: '90d', start: '2026-09-04T08:00:00.000Z', end: '2026-12-03T09:00:00.000Z', label: 'the last 90 days' },
    { text: '1d', start: '2026-12-02T09:00:00.000Z', end: '2026-12-03T09:00:00.000Z', label: 'the last day' },
    { text: '2w', start: '2026-11-19T09:00:00.000Z', end: '2026-12-03T09:00:00.000Z', label: 'the last 2 weeks' },
    { text: '6m', start: '2026-06-03T08:00:00.000Z', end: '2026-12-03T09:00:00.000Z', label: 'the last 6 months' },
    // The current quarter has begun: it runs up to now.
    { text: 'q4', start: '2026-09-30T22:00:00.000Z', end: '2026-12-03T09:00:00.000Z', label: 'Q4 2026' },
    { text: 'Q1', start: '2025-12-31T23:00:00.000Z', end: '2026-03-31T22:00:00.000Z', label: 'Q1 2026' },
    { text: '2025-q4', start: '2025-09-30T22:00:00.000Z', end: '2025-12-31T23:00:00.000Z', label: 'Q4 2025' },
    { text: '2026-h1', start: '2025-12-31T23:00:00.000Z', end: '2026-06-30T22:00:00.000Z', label: 'H1 2026' },
    { text: 'h2', start: '2026-06-30T22:00:00.000Z', end: '2026-12-03T09:00:00.000Z', label: 'H2 2026' },
    { text: '2025', start: '2024-12-31T23:00:00.000Z', end: '2025-12-31T23:00:00.000Z', label: '2025' },
  ])('reads $text as $label', ({ text, start, end, label }) => {
    const period = parsePeriod(text, NOW, ZONE);
    expect({ start: period?.start.toISOString(), end: period?.end.toISOString(), label: period?.label }).toEqual({
      start,
      end,
      label,
    });
  });

  it('takes last year’s quarter when this year’s has not begun', () => {
    const january = new Date('2027-01-10T12:00:00Z');
    expect(parsePeriod('q4', january, 'UTC')?.label).toBe('Q4 2026');
  });

  it.each(['', 'soon', '0d', 'q5', 'h3', '2027-q1', '2030', '99999d'])('refuses %j', (text) => {
    expect(parsePeriod(text, NOW, ZONE)).toBeNull();
  });
});
