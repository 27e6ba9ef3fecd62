const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReminderStep {
  /** 1-based position in the sequence; part of the step's idempotency key. */
  step: number;
  at: Date;
  template: string;
}

/**
 * The steps still worth sending, as planned at `now`: future steps keep their times; of the steps
 * already past only the latest is kept, moved to now, so a late start sends one reminder rather than
 * a burst. A sequence whose last step is over `staleDays` old is dropped whole (old imported data).
 */
export function dueSteps(steps: ReminderStep[], now: Date, staleDays = 7): ReminderStep[] {
  const last = steps.at(-1);
  if (!last || now.getTime() - last.at.getTime() > staleDays * DAY_MS) return [];

  const past = steps.filter((step) => step.at <= now);
  const future = steps.filter((step) => step.at > now);
  const latestPast = past.at(-1);
  return latestPast ? [{ ...latestPast, at: now }, ...future] : future;
}

export const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);
export const addHours = (at: Date, hours: number) => new Date(at.getTime() + (hours * DAY_MS) / 24);
