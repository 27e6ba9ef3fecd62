import { findSegment } from '../accounts/segment-name.ts';
import { CLV_THRESHOLD_MAX } from '../db/integer-column.ts';
import { CHURN_REASONS } from '../domain/churn-reason.ts';
import { RFM_SEGMENTS } from '../domain/scoring/rfm-segments.ts';
import type { NewSegment } from './add-segment.ts';
import { type SegmentFilter, segmentNameSchema } from './segment-filter.ts';

/** `winback segments add` flags as parseArgs gives them. */
export interface SegmentFlags {
  description?: string;
  reason?: string;
  'churned-after'?: string;
  'churned-before'?: string;
  plan?: string;
  'clv-at-least'?: string;
  'rfm-segment'?: string;
  'requested-feature'?: string;
  'trial-never-converted'?: boolean;
  attribute?: string[];
  status?: string;
}

const STATUSES = ['trialing', 'active', 'past_due', 'churned'] as const;

type Parsed = { ok: true; value: NewSegment } | { ok: false; errors: string[] };

/** Turns the command line into a segment, or every problem with it, each naming its flag. */
export function parseSegmentFlags(name: string | undefined, flags: SegmentFlags): Parsed {
  const errors: string[] = [];
  const filter: SegmentFilter = {};
  const list = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const items = value.split(',').map((item) => item.trim());
    if (items.some((item) => item === '')) errors.push(`--${flag}: expected one or more values separated by commas`);
    return items.filter(Boolean);
  };
  const oneOf = <T extends string>(flag: string, value: string | undefined, allowed: readonly T[], what: string) =>
    list(flag, value)?.flatMap((item) => {
      if ((allowed as readonly string[]).includes(item)) return [item as T];
      errors.push(`--${flag}: "${item}" is not ${what}; the choices are: ${allowed.join(', ')}`);
      return [];
    });

  if (!name || !segmentNameSchema.safeParse(name).success) {
    errors.push(`NAME: expected lowercase letters, digits, - and _ (at most 40), e.g. price-q4, got "${name ?? ''}"`);
  }
  filter.reasons = oneOf('reason', flags.reason, CHURN_REASONS, 'a churn reason');
  filter.statuses = oneOf('status', flags.status, STATUSES, 'an account status');
  filter.plans = list('plan', flags.plan);
  filter.rfmSegments = list('rfm-segment', flags['rfm-segment'])?.flatMap((item) => {
    const segment = findSegment(item);
    if (segment) return [segment];
    errors.push(`--rfm-segment: "${item}" is not an RFM segment; the choices are: ${RFM_SEGMENTS.join(', ')}`);
    return [];
  });
  filter.churnedAfter = readDay('churned-after', flags['churned-after'], errors);
  filter.churnedBefore = readDay('churned-before', flags['churned-before'], errors);
  if (filter.churnedAfter && filter.churnedBefore && filter.churnedAfter >= filter.churnedBefore) {
    errors.push(`--churned-after (${filter.churnedAfter}) must be before --churned-before (${filter.churnedBefore})`);
  }
  const clv = flags['clv-at-least'];
  if (clv !== undefined) {
    if (!/^\d+$/.test(clv)) {
      errors.push(`--clv-at-least: expected a whole number of minor units, e.g. 50000 for $500.00, got "${clv}"`);
    } else if (Number(clv) > CLV_THRESHOLD_MAX) {
      errors.push(
        `--clv-at-least: expected at most ${CLV_THRESHOLD_MAX.toLocaleString('en-US')} minor units, got "${clv}"`,
      );
    } else filter.clvAtLeastMinor = Number(clv);
  }
  const feature = flags['requested-feature']?.trim();
  if (feature !== undefined) {
    if (feature) filter.requestedFeature = feature;
    else errors.push('--requested-feature: expected the text to look for, e.g. "single sign-on"');
  }
  if (flags['trial-never-converted']) filter.trialNeverConverted = true;
  filter.attributes = readAttributes(flags.attribute, errors);

  const criteria = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
  if (errors.length === 0 && Object.keys(criteria).length === 0) {
    errors.push('Give at least one criterion, e.g. --reason price or --attribute Contract=Month-to-month.');
  }
  if (errors.length > 0) return { ok: false, errors };
  const description = flags.description?.trim() || null;
  return { ok: true, value: { name: name ?? '', description, filter: criteria, createdBy: 'cli' } };
}

function readDay(flag: string, value: string | undefined, errors: string[]): string | undefined {
  if (value === undefined) return undefined;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
  if (valid && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)) return value;
  errors.push(`--${flag}: expected a date as YYYY-MM-DD, e.g. 2026-10-01, got "${value}"`);
  return undefined;
}

function readAttributes(values: string[] | undefined, errors: string[]): Record<string, string> | undefined {
  if (!values || values.length === 0) return undefined;
  const attributes: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    const key = value.slice(0, at).trim();
    if (at < 1 || key === '') {
      errors.push(`--attribute: expected KEY=VALUE, e.g. Contract=Month-to-month, got "${value}"`);
      continue;
    }
    attributes[key] = value.slice(at + 1);
  }
  return attributes;
}
