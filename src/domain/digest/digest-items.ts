import type { ChurnReason } from '../churn-reason.ts';
import type { Money } from '../money.ts';

/** A newly churned account as the digest shows it. */
export interface ChurnedItem {
  kind: 'churned';
  accountId: string;
  /** What the team calls the customer: company, else contact name, else the billing id. */
  displayName: string;
  lostMrr: Money;
  clv: Money | null;
  tenureMonths: number | null;
  reason: ChurnReason | null;
  segment: string | null;
  ownerSlackId: string | null;
}

/** An open payment failure as the digest shows it. */
export interface FailedPaymentItem {
  kind: 'failed';
  accountId: string;
  displayName: string;
  amount: Money;
  declineCode: string | null;
  attemptCount: number;
  nextRetryAt: Date | null;
  failedAt: Date;
  /** Failed since the last digest, rather than still open from before. */
  isNew: boolean;
  ownerSlackId: string | null;
}

export type DigestItem = ChurnedItem | FailedPaymentItem;

export interface ReasonCount {
  reason: ChurnReason | 'unknown';
  accounts: number;
  lostMrr: Money[];
}

/** The header figures, fixed when the digest is posted. */
export interface DigestSummary {
  /** yyyy-MM-dd in the channel's zone. */
  localDate: string;
  /** "Thursday 3 December 2026". */
  dayLabel: string;
  churnedAccounts: number;
  lostMrr: Money[];
  openFailures: number;
  failedAmount: Money[];
  recovered: Money[];
  topReasons: ReasonCount[];
  /** Items that did not fit in the digest at all; /winback list shows them. */
  notShown: number;
}
