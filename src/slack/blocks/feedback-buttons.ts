import { ACTIONS } from '../ids.ts';

/** Opens the feedback modal for the account. */
export function logFeedbackButton(accountId: string) {
  return {
    type: 'button' as const,
    action_id: ACTIONS.logFeedback,
    text: { type: 'plain_text' as const, text: 'Log feedback' },
    value: accountId,
  };
}
