/** Money is integer minor units beside an ISO 4217 code; this is the only place it becomes text. */
export interface Money {
  minor: number;
  currency: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'symbol' });
    formatters.set(currency, formatter);
  }
  return formatter;
}

export function minorDigits(currency: string): number {
  return formatterFor(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `$1,234.50`, `¥1,200`, `€99.00`. */
export function formatMoney({ minor, currency }: Money): string {
  return formatterFor(currency).format(minor / 10 ** minorDigits(currency));
}

/** Totals per currency, largest first, joined: `$12,000.00 + €3,100.00`; never adds across currencies. */
export function formatTotals(amounts: Money[]): string {
  const totals = new Map<string, number>();
  for (const { minor, currency } of amounts) totals.set(currency, (totals.get(currency) ?? 0) + minor);
  if (totals.size === 0) return formatMoney({ minor: 0, currency: 'USD' });
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([currency, minor]) => formatMoney({ minor, currency }))
    .join(' + ');
}
