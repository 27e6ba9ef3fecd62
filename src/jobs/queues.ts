// Every pg-boss queue name, in one place.
export const QUEUES = {
  retryBillingEvents: 'billing-events-retry',
  digestTick: 'digest-tick',
  rescoreAccounts: 'accounts-rescore',
  rescoreNightly: 'accounts-rescore-nightly',
  emailSend: 'email-send',
  emailSendBatch: 'email-send-batch',
  emailTick: 'email-tick',
  dunningTick: 'dunning-tick',
  offerExpiryTick: 'offer-expiry-tick',
} as const;
