import { describe, expect, it } from 'vitest';
import {
  computeMonthlyRecurringRevenue,
  type PricedItem,
} from '../../../src/ingest/stripe/monthly-recurring-revenue.ts';

function priced(unitAmount: number | null, interval: string, intervalCount = 1, quantity = 1): PricedItem {
  return {
    quantity,
    price: {
      unit_amount: unitAmount,
      unit_amount_decimal: null,
      recurring: { interval, interval_count: intervalCount },
    },
  };
}

describe('computeMonthlyRecurringRevenue', () => {
  // Each expectation worked by hand: amount × quantity × (intervals per month) ÷ interval_count.
  it.each([
    { rule: 'a monthly price counts in full', items: [priced(1500, 'month')], mrr: 1500 },
    { rule: 'quantity multiplies the unit amount', items: [priced(2000, 'month', 1, 5)], mrr: 10_000 },
    { rule: 'a quarterly price is a third a month', items: [priced(3000, 'month', 3)], mrr: 1000 },
    { rule: 'a yearly price is a twelfth a month', items: [priced(12_000, 'year')], mrr: 1000 },
    { rule: 'a yearly price rounds to the nearest minor unit', items: [priced(10_000, 'year')], mrr: 833 },
    { rule: 'a two-yearly price is a 24th a month', items: [priced(24_000, 'year', 2)], mrr: 1000 },
    { rule: 'a weekly price is 52/12 a month', items: [priced(1000, 'week')], mrr: 4333 },
    { rule: 'a fortnightly price is 26/12 a month, rounding up', items: [priced(1000, 'week', 2)], mrr: 2167 },
    { rule: 'a daily price is 365/12 a month, rounding up', items: [priced(100, 'day')], mrr: 3042 },
    { rule: 'items of mixed intervals add up', items: [priced(1500, 'month'), priced(12_000, 'year')], mrr: 2500 },
    { rule: 'the total is rounded, not each item', items: [priced(1, 'week'), priced(1, 'week')], mrr: 9 },
    { rule: 'no items is no revenue', items: [], mrr: 0 },
    { rule: 'an interval Stripe adds later counts as 0', items: [priced(1500, 'quarter')], mrr: 0 },
  ])('$rule', ({ items, mrr }) => {
    expect(computeMonthlyRecurringRevenue(items)).toBe(mrr);
  });

  it.each([
    {
      rule: 'uses unit_amount_decimal when a tiered price has no unit amount',
      decimal: '1250.5',
      quantity: 2,
      mrr: 2501,
    },
    { rule: 'keeps sub-cent decimal prices until the total is rounded', decimal: '0.5', quantity: 3, mrr: 2 },
    { rule: 'counts a tiered price with neither amount as 0', decimal: null, quantity: 4, mrr: 0 },
  ])('$rule', ({ decimal, quantity, mrr }) => {
    const item: PricedItem = {
      quantity,
      price: { unit_amount: null, unit_amount_decimal: decimal, recurring: { interval: 'month', interval_count: 1 } },
    };

    expect(computeMonthlyRecurringRevenue([item])).toBe(mrr);
  });

  it.each([
    { rule: 'package pricing rounding up bills a started package', round: 'up', mrr: 3000 },
    { rule: 'package pricing rounding down bills only full packages', round: 'down', mrr: 2000 },
  ])('$rule', ({ round, mrr }) => {
    const item: PricedItem = {
      quantity: 25,
      price: {
        unit_amount: 1000,
        unit_amount_decimal: '1000',
        recurring: { interval: 'month', interval_count: 1 },
        transform_quantity: { divide_by: 10, round },
      },
    };

    expect(computeMonthlyRecurringRevenue([item])).toBe(mrr);
  });

  it('reads the legacy plan when an item has no price', () => {
    const item: PricedItem = {
      quantity: 2,
      plan: { amount: 12_000, amount_decimal: '12000', interval: 'year', interval_count: 1 },
    };

    expect(computeMonthlyRecurringRevenue([item])).toBe(2000);
  });

  it('prefers the price over the plan when an item has both', () => {
    const item: PricedItem = {
      ...priced(1500, 'month'),
      plan: { amount: 9999, amount_decimal: '9999', interval: 'month', interval_count: 1 },
    };

    expect(computeMonthlyRecurringRevenue([item])).toBe(1500);
  });

  it('counts a metered price as 0 because its usage is not in the subscription', () => {
    const item: PricedItem = {
      price: {
        unit_amount: 5,
        unit_amount_decimal: '5',
        recurring: { interval: 'month', interval_count: 1, usage_type: 'metered' },
      },
    };

    expect(computeMonthlyRecurringRevenue([item])).toBe(0);
  });

  it('counts an item without a quantity as one unit', () => {
    const { quantity: _omitted, ...item } = priced(1500, 'month');

    expect(computeMonthlyRecurringRevenue([item])).toBe(1500);
  });
});
