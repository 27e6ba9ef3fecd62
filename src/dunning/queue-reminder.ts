import type { MergeValues } from '../domain/email/merge-tags.ts';
import { nextSendableTime } from '../domain/email/quiet-hours.ts';
import { renderEmail } from '../domain/email/render-email.ts';
import type { EmailDeps } from '../email/email-deps.ts';
import { templateOrRefuse } from '../email/load-templates.ts';
import { queueEmailInTransaction } from '../email/queue-email.ts';
import type { EmailKind, Prisma } from '../generated/prisma/client.ts';

export interface Reminder {
  idempotencyKey: string;
  account: { id: string; timezone: string | null };
  toEmail: string | null;
  kind: EmailKind;
  template: string;
  at: Date;
  values: MergeValues;
  paymentFailureId?: string;
  checkoutId?: string;
  cardExpiryId?: string;
}

/** A step that sends nothing still gets a row, so the account's history shows it and it is planned once. */
export async function recordSkippedStep(tx: Prisma.TransactionClient, reminder: Reminder, why: string) {
  await tx.emailMessage.createMany({
    data: [
      {
        idempotencyKey: reminder.idempotencyKey,
        accountId: reminder.account.id,
        kind: reminder.kind,
        template: reminder.template,
        toEmail: reminder.toEmail ?? '',
        subject: '',
        html: '',
        text: '',
        status: 'cancelled',
        lastError: why,
        scheduledFor: reminder.at,
        paymentFailureId: reminder.paymentFailureId ?? null,
        checkoutId: reminder.checkoutId ?? null,
        cardExpiryId: reminder.cardExpiryId ?? null,
      },
    ],
    skipDuplicates: true,
  });
}

/**
 * Renders one dunning, card or checkout step and queues it (row and job in the caller's transaction),
 * due at its time or the end of the recipient's quiet hours. Without an address, or with a merge tag
 * the account lacks, the step is recorded as not sent with the reason instead.
 */
export async function queueReminder(deps: EmailDeps, tx: Prisma.TransactionClient, reminder: Reminder) {
  if (!reminder.toEmail) return recordSkippedStep(tx, reminder, 'not sent: the account has no email address');
  const template = templateOrRefuse(deps.templates, reminder.template);
  const variant = template.variants[0] ?? 'A';
  const rendered = renderEmail(template, variant, reminder.values);
  if (rendered.status === 'missing') {
    const tags = rendered.missing.map((missing) => `{{${missing.tag}}} (${missing.why})`).join(', ');
    return recordSkippedStep(tx, reminder, `not sent: missing ${tags}`);
  }
  const { WINBACK_EMAIL_QUIET_HOURS: quiet, WINBACK_TIMEZONE: zone } = deps.settings;
  await queueEmailInTransaction(
    tx,
    deps.boss,
    {
      idempotencyKey: reminder.idempotencyKey,
      accountId: reminder.account.id,
      kind: reminder.kind,
      template: reminder.template,
      variant: template.variants.length > 1 ? variant : null,
      toEmail: reminder.toEmail,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      mergeValues: reminder.values,
      scheduledFor: nextSendableTime(reminder.at, reminder.account.timezone, quiet, zone),
      paymentFailureId: reminder.paymentFailureId ?? null,
      checkoutId: reminder.checkoutId ?? null,
      cardExpiryId: reminder.cardExpiryId ?? null,
    },
    'system:dunning',
  );
}
