import type Stripe from 'stripe';

/** Webhook JSON carries decimals as strings; the SDK types them as its own Decimal class. */
type DecimalText = string | Stripe.Decimal;

/** Package pricing: bill per `divide_by` units, rounding the package count up or down. */
interface QuantityTransform {
  divide_by: number;
  round: string;
}

/**
 * A subscription item as any API version sends it: `price` on current versions, only `plan` on events
 * from before prices existed, and both (equal) on versions such as 2020-08-27.
 */
export interface PricedItem {
  quantity?: number | null;
  price?: {
    unit_amount: number | null;
    unit_amount_decimal: DecimalText | null;
    recurring: { interval: string; interval_count?: number; usage_type?: string } | null;
    transform_quantity?: QuantityTransform | null;
  } | null;
  plan?: {
    amount: number | null;
    amount_decimal: DecimalText | null;
    interval: string;
    interval_count: number;
    usage_type?: string;
    transform_usage?: QuantityTransform | null;
  } | null;
}

interface RecurringCharge {
  unitAmount: number;
  interval: string;
  intervalCount: number;
  usageType: string | undefined;
  transform: QuantityTransform | null;
}

/** How many of each billing interval fit in a month, as a fraction so that 52 weeks make exactly 12 months. */
const INTERVALS_PER_MONTH = new Map<string, { numerator: number; denominator: number }>([
  ['day', { numerator: 365, denominator: 12 }],
  ['week', { numerator: 52, denominator: 12 }],
  ['month', { numerator: 1, denominator: 1 }],
  ['year', { numerator: 1, denominator: 12 }],
]);

/**
 * Monthly recurring revenue of a subscription's items in minor units: each item's unit amount times its
 * quantity, scaled from its billing interval to one month, summed, then rounded once so that small
 * per-item fractions are not lost. Discounts and taxes are not applied.
 */
export function computeMonthlyRecurringRevenue(items: readonly PricedItem[]): number {
  let total = 0;
  for (const item of items) {
    total += computeItemMonthlyAmount(item);
  }

  return Math.round(total);
}

function computeItemMonthlyAmount(item: PricedItem): number {
  const charge = readRecurringCharge(item);
  const perMonth = charge && INTERVALS_PER_MONTH.get(charge.interval);
  // Metered usage is billed in arrears from usage the subscription does not carry: no amount is known yet.
  if (!charge || !perMonth || charge.usageType === 'metered') {
    return 0;
  }

  const units = countBilledUnits(item.quantity ?? 1, charge.transform);
  return (charge.unitAmount * units * perMonth.numerator) / (perMonth.denominator * charge.intervalCount);
}

function readRecurringCharge({ price, plan }: PricedItem): RecurringCharge | null {
  if (price?.recurring) {
    return {
      unitAmount: readUnitAmount(price.unit_amount, price.unit_amount_decimal),
      interval: price.recurring.interval,
      intervalCount: price.recurring.interval_count ?? 1,
      usageType: price.recurring.usage_type,
      transform: price.transform_quantity ?? null,
    };
  }
  if (plan) {
    return {
      unitAmount: readUnitAmount(plan.amount, plan.amount_decimal),
      interval: plan.interval,
      intervalCount: plan.interval_count,
      usageType: plan.usage_type,
      transform: plan.transform_usage ?? null,
    };
  }

  return null;
}

/**
 * A price with sub-cent precision has only its decimal amount. A tiered price has neither, and its tiers
 * are only in API responses that expand them, never in a webhook payload: it counts as 0, not as a guess.
 */
function readUnitAmount(unitAmount: number | null, unitAmountDecimal: DecimalText | null): number {
  if (unitAmount != null) {
    return unitAmount;
  }

  const decimal = unitAmountDecimal == null ? Number.NaN : Number(String(unitAmountDecimal));
  return Number.isFinite(decimal) ? decimal : 0;
}

function countBilledUnits(quantity: number, transform: QuantityTransform | null): number {
  if (!transform) {
    return quantity;
  }

  const packages = quantity / transform.divide_by;
  return transform.round === 'up' ? Math.ceil(packages) : Math.floor(packages);
}
