// Every pg-boss queue name, in one place.
export const QUEUES = {
  retryBillingEvents: 'billing-events-retry',
} as const;
