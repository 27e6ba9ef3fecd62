import { describe, expect, it } from 'vitest';
import { parseSegmentFlags } from '../../src/segments/parse-segment-flags.ts';

describe('parseSegmentFlags', () => {
  it('turns every criterion into the stored filter', () => {
    const parsed = parseSegmentFlags('price-q4', {
      description: 'Left over price in Q4',
      reason: 'price,competitor',
      'churned-after': '2026-10-01',
      'churned-before': '2027-01-01',
      plan: 'Pro,Team',
      'clv-at-least': '50000',
      'rfm-segment': 'at-risk,Can’t lose them',
      'requested-feature': ' SSO ',
      'trial-never-converted': true,
      attribute: ['Contract=Month-to-month', 'PaymentMethod=Electronic check'],
      status: 'churned',
    });

    expect(parsed).toEqual({
      ok: true,
      value: {
        name: 'price-q4',
        description: 'Left over price in Q4',
        createdBy: 'cli',
        filter: {
          reasons: ['price', 'competitor'],
          statuses: ['churned'],
          plans: ['Pro', 'Team'],
          rfmSegments: ['at_risk', 'cant_lose_them'],
          churnedAfter: '2026-10-01',
          churnedBefore: '2027-01-01',
          clvAtLeastMinor: 50000,
          requestedFeature: 'SSO',
          trialNeverConverted: true,
          attributes: { Contract: 'Month-to-month', PaymentMethod: 'Electronic check' },
        },
      },
    });
  });

  it('takes a CLV threshold beyond 32 bits, as a large account in KRW or JPY needs', () => {
    expect(parseSegmentFlags('whales', { 'clv-at-least': '100000000000' })).toMatchObject({
      ok: true,
      value: { filter: { clvAtLeastMinor: 100_000_000_000 } },
    });
  });

  it.each([
    [
      'Big Spenders',
      { reason: 'price' },
      'NAME: expected lowercase letters, digits, - and _ (at most 40), e.g. price-q4, got "Big Spenders"',
    ],
    [
      'x',
      { reason: 'cheap' },
      '--reason: "cheap" is not a churn reason; the choices are: price, missing_feature, support, competitor, usability, involuntary, unused, low_quality, other',
    ],
    [
      'x',
      { 'churned-after': '10/01/2026' },
      '--churned-after: expected a date as YYYY-MM-DD, e.g. 2026-10-01, got "10/01/2026"',
    ],
    [
      'x',
      { 'churned-before': '2026-02-30' },
      '--churned-before: expected a date as YYYY-MM-DD, e.g. 2026-10-01, got "2026-02-30"',
    ],
    [
      'x',
      { 'churned-after': '2026-10-01', 'churned-before': '2026-10-01' },
      '--churned-after (2026-10-01) must be before --churned-before (2026-10-01)',
    ],
    [
      'x',
      { 'clv-at-least': '500.50' },
      '--clv-at-least: expected a whole number of minor units, e.g. 50000 for $500.00, got "500.50"',
    ],
    [
      'x',
      { 'clv-at-least': '9007199254740992' },
      '--clv-at-least: expected at most 9,007,199,254,740,991 minor units, got "9007199254740992"',
    ],
    [
      'x',
      { 'rfm-segment': 'vip' },
      '--rfm-segment: "vip" is not an RFM segment; the choices are: champions, loyal_customers, potential_loyalists, new_customers, promising, need_attention, about_to_sleep, at_risk, cant_lose_them, hibernating, lost',
    ],
    ['x', { attribute: ['Contract'] }, '--attribute: expected KEY=VALUE, e.g. Contract=Month-to-month, got "Contract"'],
    ['x', { attribute: ['=Monthly'] }, '--attribute: expected KEY=VALUE, e.g. Contract=Month-to-month, got "=Monthly"'],
    ['x', { plan: 'Pro,' }, '--plan: expected one or more values separated by commas'],
    [
      'x',
      { status: 'gone' },
      '--status: "gone" is not an account status; the choices are: trialing, active, past_due, churned',
    ],
    ['x', { 'requested-feature': '  ' }, '--requested-feature: expected the text to look for, e.g. "single sign-on"'],
    ['x', {}, 'Give at least one criterion, e.g. --reason price or --attribute Contract=Month-to-month.'],
  ])('refuses %s %j with one exact message', (name, flags, message) => {
    expect(parseSegmentFlags(name, flags)).toEqual({ ok: false, errors: [message] });
  });

  it('reports every problem at once', () => {
    const parsed = parseSegmentFlags(undefined, { reason: 'cheap', 'clv-at-least': 'lots' });
    expect(parsed.ok === false && parsed.errors).toHaveLength(3);
  });
});
