import { describe, expect, it } from 'vitest';
import { type NextStepFacts, nextStepOf } from '../../src/accounts/next-step.ts';

const churned: NextStepFacts = {
  status: 'churned',
  wonBack: false,
  hasOpenFailure: false,
  hasFeedback: false,
  latestOffer: null,
};

describe('nextStepOf', () => {
  it.each<[string, Partial<NextStepFacts>, string]>([
    ['no feedback yet', {}, 'Log why they left'],
    ['feedback but no offer', { hasFeedback: true }, 'Propose an offer'],
    ['an offer proposed', { hasFeedback: true, latestOffer: 'proposed' }, 'Send the offer for approval'],
    [
      'an offer pending approval',
      { hasFeedback: true, latestOffer: 'pending_approval' },
      'Wait for a manager to approve the offer',
    ],
    ['an offer approved', { hasFeedback: true, latestOffer: 'approved' }, 'Send the email'],
    ['the offer sent', { hasFeedback: true, latestOffer: 'sent' }, 'Wait for their answer'],
    ['the offer rejected', { hasFeedback: true, latestOffer: 'rejected' }, 'Propose another offer'],
    ['the offer expired', { hasFeedback: true, latestOffer: 'expired' }, 'Propose a new offer'],
    ['the offer accepted', { hasFeedback: true, latestOffer: 'accepted' }, 'Check that they came back'],
    ['an offer without feedback', { latestOffer: 'approved' }, 'Log why they left'],
    ['won back', { status: 'active', wonBack: true }, 'Won back: release the claim when you are done'],
    ['churned again after a win-back', { wonBack: true }, 'Log why they left'],
    ['a failed payment, not churned', { status: 'past_due', hasOpenFailure: true }, 'Help them fix the failed payment'],
    ['active with nothing open', { status: 'active' }, 'Nothing to win back: release the claim'],
  ])('%s', (_, facts, step) => {
    expect(nextStepOf({ ...churned, ...facts })).toBe(step);
  });
});
