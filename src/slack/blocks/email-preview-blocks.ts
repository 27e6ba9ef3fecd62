import type { KnownBlock } from '@slack/types';
import type { EmailDraft } from '../../email/prepare-winback-email.ts';
import { escapeMrkdwn, section } from './text.ts';

export function contextOf(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

/** Who gets the email, from which template and variant: the head of the send-email modal. */
export function emailPreviewBlocks(draft: EmailDraft): KnownBlock[] {
  const variant = draft.variant ? ` · subject variant *${escapeMrkdwn(draft.variant)}* (A/B test)` : '';
  const offer = draft.mergeValues.offer ? `\nOffer: ${escapeMrkdwn(draft.mergeValues.offer)}` : '';
  return [
    section(
      `To *${escapeMrkdwn(draft.displayName)}* (${escapeMrkdwn(draft.toEmail)})\n` +
        `Template \`${escapeMrkdwn(draft.template)}\`${variant}${offer}`,
    ),
  ];
}

/** The sender's confirmation once it is queued. */
export function emailQueuedText(draft: EmailDraft, scheduledFor: Date, now: Date): string {
  const at = `${scheduledFor.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const when = scheduledFor > now ? `It is night for the customer, so it leaves at ${at}.` : 'It leaves in a moment.';
  return `Email to *${escapeMrkdwn(draft.displayName)}* queued: “${escapeMrkdwn(draft.subject)}”. ${when}`;
}
