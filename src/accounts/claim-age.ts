const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/**
 * "claimed just now", "claimed 5 minutes ago", "claimed 3 hours ago", "claimed 3 days ago": the largest whole
 * unit, rounded down.
 */
export function describeClaimAge(claimedAt: Date, now: Date): string {
  const elapsed = Math.max(0, now.getTime() - claimedAt.getTime());
  if (elapsed < MINUTE) return 'claimed just now';
  if (elapsed < HOUR) return `claimed ${plural(Math.floor(elapsed / MINUTE), 'minute')} ago`;
  if (elapsed < DAY) return `claimed ${plural(Math.floor(elapsed / HOUR), 'hour')} ago`;
  return `claimed ${plural(Math.floor(elapsed / DAY), 'day')} ago`;
}
