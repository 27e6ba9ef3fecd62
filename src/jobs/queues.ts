// Every pg-boss queue name, in one place.
export const QUEUES = {
  retryBillingEvents: 'billing-events-retry',
  digestTick: 'digest-tick',
} as const;
