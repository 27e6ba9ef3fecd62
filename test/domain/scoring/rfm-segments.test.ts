import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuintileScore } from '../../../src/domain/scoring/quintile-score.ts';
import {
  classifyRfmSegment,
  RFM_SEGMENT_GRID,
  RFM_SEGMENT_LABELS,
  RFM_SEGMENTS,
  type RfmSegment,
} from '../../../src/domain/scoring/rfm-segments.ts';

const SCORES: QuintileScore[] = [1, 2, 3, 4, 5];

describe('classifyRfmSegment', () => {
  it.each<{ rule: string; r: QuintileScore; f: QuintileScore; m: QuintileScore; segment: RfmSegment }>([
    { rule: 'best on every axis: champions', r: 5, f: 5, m: 5, segment: 'champions' },
    { rule: 'FM is the mean of F and M, a half rounding up: 4 and 3 → 4', r: 5, f: 4, m: 3, segment: 'champions' },
    { rule: 'recent, once, small: new customers', r: 5, f: 1, m: 1, segment: 'new_customers' },
    {
      rule: 'FM 1.5 rounds to 2: potential loyalists, not new customers',
      r: 5,
      f: 1,
      m: 2,
      segment: 'potential_loyalists',
    },
    { rule: 'fairly recent, once: promising', r: 4, f: 1, m: 1, segment: 'promising' },
    { rule: 'R 4 with strong FM: loyal customers', r: 4, f: 5, m: 4, segment: 'loyal_customers' },
    { rule: 'middle everywhere: need attention', r: 3, f: 3, m: 3, segment: 'need_attention' },
    { rule: 'middle recency, weak FM: about to sleep', r: 3, f: 2, m: 1, segment: 'about_to_sleep' },
    { rule: 'gone quiet after buying well: at risk', r: 2, f: 4, m: 3, segment: 'at_risk' },
    { rule: 'gone quiet after buying most: can’t lose them', r: 1, f: 5, m: 5, segment: 'cant_lose_them' },
    { rule: 'FM 4.5 rounds to 5 for R 2 too', r: 2, f: 4, m: 5, segment: 'cant_lose_them' },
    { rule: 'weak and quiet: hibernating', r: 2, f: 2, m: 1, segment: 'hibernating' },
    { rule: 'lost is only the corner R 1, FM 1', r: 1, f: 1, m: 1, segment: 'lost' },
    { rule: 'R 1 with FM 1.5 → 2 is hibernating, not lost', r: 1, f: 1, m: 2, segment: 'hibernating' },
  ])('$rule', ({ r, f, m, segment }) => {
    expect(classifyRfmSegment({ recency: r, frequency: f, monetary: m })).toBe(segment);
  });

  it('names a segment for all 125 score combinations and uses every segment', () => {
    const seen = new Set<RfmSegment>();
    for (const recency of SCORES) {
      for (const frequency of SCORES) {
        for (const monetary of SCORES) seen.add(classifyRfmSegment({ recency, frequency, monetary }));
      }
    }
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it('matches the table in docs/rfm-segments.md cell by cell', () => {
    const doc = readFileSync(new URL('../../../docs/rfm-segments.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| ([1-5]) \| (.+) \|$/gm)].map((match) => [match[1], match[2]?.split(' | ')]);
    const expected = [5, 4, 3, 2, 1].map((r) => [
      String(r),
      RFM_SEGMENT_GRID[r as QuintileScore].map((segment) => RFM_SEGMENT_LABELS[segment]),
    ]);
    expect(rows).toEqual(expected);
  });
});
