import type { Guardrails } from '../../../src/domain/offers/guardrails-schema.ts';

/** Guardrails as shipped in config/guardrails.yml, written out so a test reads its own numbers. */
export const GUARDRAILS: Guardrails = {
  limits: { maxPercentOff: 50, maxDurationMonths: 6, maxTrialDays: 60, maxGraceDays: 30, maxSessionMinutes: 120 },
  autoApproval: {
    clvBelowMinor: { USD: 500_000 },
    offers: {
      percent_discount: { maxPercentOff: 15, maxDurationMonths: 3 },
      payment_grace: { maxGraceDays: 14 },
      session: { maxSessionMinutes: 60 },
      beta_access: {},
    },
  },
  costShare: { maxPercentOfExpectedBack: 25, expectedBackMonths: 12 },
  cooldownDays: 30,
  approvalExpiresAfterHours: 48,
  codes: { prefix: 'WB', validDays: 30 },
  costs: { sessionPerHourMinor: { USD: 15_000 }, betaAccessMinor: { USD: 0 }, lowerTierMonths: 3 },
};
