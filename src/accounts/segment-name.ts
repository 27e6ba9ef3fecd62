import { RFM_SEGMENT_LABELS, RFM_SEGMENTS, type RfmSegment } from '../domain/scoring/rfm-segments.ts';

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replaceAll(/['’]/g, '')
    .replaceAll(/[\s-]+/g, '_');

/** The RFM segment a typed word names: `at_risk`, `at-risk` and `At-Risk` all name At risk; null if none. */
export function findSegment(word: string): RfmSegment | null {
  const wanted = normalise(word);
  return (
    RFM_SEGMENTS.find((segment) => segment === wanted || normalise(RFM_SEGMENT_LABELS[segment]) === wanted) ?? null
  );
}

/** How a stored segment reads in Slack; an unknown one as stored, a missing one as not scored. */
export function segmentLabel(segment: string | null): string {
  if (segment === null) return 'not scored';
  return RFM_SEGMENT_LABELS[segment as RfmSegment] ?? segment;
}
