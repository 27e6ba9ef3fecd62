const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the account may get its next win-back email: `capDays` after the last one went out, or now
 * when none did. The boundary is inclusive: exactly `capDays` later is allowed.
 */
export function nextWinbackAllowedAt(lastSentAt: Date | null, now: Date, capDays: number): Date {
  if (!lastSentAt || capDays <= 0) return now;
  const allowed = new Date(lastSentAt.getTime() + capDays * DAY_MS);
  return allowed > now ? allowed : now;
}
