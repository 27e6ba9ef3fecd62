export interface EligibilityFacts {
  account: { emailConsent: boolean; unsubscribedAt: Date | null; bouncedAt: Date | null };
  paymentFailure?: { status: string } | null;
  checkout?: { status: string } | null;
}

/**
 * Why this email must not go out any more, in words for the sender, or null when it may. Consent is
 * checked at send time too: an unsubscribe that arrives after queueing still stops the email.
 */
export function whyNotSendable(facts: EligibilityFacts): string | null {
  const { account } = facts;
  if (account.unsubscribedAt || !account.emailConsent) return 'the customer unsubscribed from our emails';
  if (account.bouncedAt) return 'email to this customer bounced; their address needs checking first';
  if (facts.paymentFailure && facts.paymentFailure.status !== 'open') {
    return `the payment is no longer failing (it is ${facts.paymentFailure.status})`;
  }
  if (facts.checkout?.status === 'complete') return 'the customer completed the checkout';
  return null;
}
