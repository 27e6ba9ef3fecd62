import type { EmailStatus } from '../../generated/prisma/enums.ts';

/** The message status each SendGrid event type leads to; deferred and resubscribes change none. */
const STATUS_OF_EVENT: Record<string, EmailStatus> = {
  processed: 'processed',
  delivered: 'delivered',
  open: 'opened',
  click: 'clicked',
  bounce: 'bounced',
  dropped: 'dropped',
  spamreport: 'spam_reported',
  unsubscribe: 'unsubscribed',
  group_unsubscribe: 'unsubscribed',
};

// Events arrive out of order (an open can beat its delivered); a status only ever moves forward.
const RANK: Partial<Record<EmailStatus, number>> = {
  needs_review: 1,
  sent: 2,
  processed: 3,
  delivered: 4,
  opened: 5,
  clicked: 6,
  dropped: 7,
  bounced: 7,
  unsubscribed: 8,
  spam_reported: 9,
};

export function statusOfEvent(eventType: string): EmailStatus | null {
  return STATUS_OF_EVENT[eventType] ?? null;
}

/** The status after the event, or null when it would move the message backwards (or nowhere). */
export function nextStatus(current: EmailStatus, eventType: string): EmailStatus | null {
  const next = statusOfEvent(eventType);
  if (!next) return null;
  return (RANK[next] ?? 0) > (RANK[current] ?? 0) ? next : null;
}

/** Events after which the customer must get no more email. */
export function withdrawsConsent(eventType: string): boolean {
  return ['spamreport', 'unsubscribe', 'group_unsubscribe'].includes(eventType);
}

/** A hard bounce; a "blocked" bounce is the receiving server refusing for now, not a dead address. */
export function isHardBounce(event: { event: string; type?: string }): boolean {
  return event.event === 'bounce' && event.type !== 'blocked';
}
