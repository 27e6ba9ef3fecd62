import type { MailDataRequired } from '@sendgrid/mail';
import type { EmailSettings } from './email-settings.ts';

type Settings = Pick<
  EmailSettings,
  'WINBACK_FROM_EMAIL' | 'WINBACK_FROM_NAME' | 'SENDGRID_SANDBOX' | 'SENDGRID_UNSUBSCRIBE_GROUP'
>;

export interface OutboxMessage {
  id: string;
  accountId: string;
  kind: string;
  template: string;
  variant: string | null;
  offerId: string | null;
  toEmail: string;
  subject: string;
  text: string;
  html: string;
}

/** Ids only: SendGrid echoes custom_args in every event, which is how an event finds its message. */
export function customArgsOf(message: Pick<OutboxMessage, 'id' | 'accountId' | 'variant' | 'offerId'>) {
  const args: Record<string, string> = { winback_message_id: message.id, winback_account_id: message.accountId };
  if (message.variant) args.winback_variant = message.variant;
  if (message.offerId) args.winback_offer_id = message.offerId;
  return args;
}

/** Categories group SendGrid's own statistics: by kind, template and variant. */
export function categoriesOf(message: Pick<OutboxMessage, 'kind' | 'template' | 'variant'>): string[] {
  const categories = ['winback', `kind:${message.kind}`, `template:${message.template}`];
  if (message.variant) categories.push(`variant:${message.template}:${message.variant}`);
  return categories;
}

/** What every request carries: the sender, the unsubscribe group, and the sandbox switch. */
export function envelopeOf(settings: Settings) {
  return {
    from: { email: settings.WINBACK_FROM_EMAIL ?? '', name: settings.WINBACK_FROM_NAME },
    ...(settings.SENDGRID_UNSUBSCRIBE_GROUP !== undefined && { asm: { groupId: settings.SENDGRID_UNSUBSCRIBE_GROUP } }),
    mailSettings: { sandboxMode: { enable: settings.SENDGRID_SANDBOX } },
  };
}

/** One message as one request; content goes text first, then HTML, as RFC 1341 wants. */
export function singleMailData(message: OutboxMessage, settings: Settings): MailDataRequired {
  return {
    ...envelopeOf(settings),
    to: message.toEmail,
    subject: message.subject,
    content: [
      { type: 'text/plain', value: message.text },
      { type: 'text/html', value: message.html },
    ],
    categories: categoriesOf(message),
    customArgs: customArgsOf(message),
  };
}

export interface BatchRecipient {
  message: Pick<OutboxMessage, 'id' | 'accountId' | 'variant' | 'offerId' | 'toEmail' | 'subject'>;
  substitutions: Record<string, string>;
}

/**
 * Up to 1000 messages of one template variant as one request: the shared body carries `{{t.tag}}` and
 * `{{h.tag}}` placeholders, and each personalization its recipient, subject, substitutions and ids.
 */
export function batchMailData(
  group: { kind: string; template: string; variant: string | null },
  skeleton: { text: string; html: string },
  recipients: BatchRecipient[],
  settings: Settings,
): MailDataRequired {
  return {
    ...envelopeOf(settings),
    content: [
      { type: 'text/plain', value: skeleton.text },
      { type: 'text/html', value: skeleton.html },
    ],
    categories: categoriesOf(group),
    personalizations: recipients.map(({ message, substitutions }) => ({
      to: [{ email: message.toEmail }],
      subject: message.subject,
      substitutions,
      customArgs: customArgsOf(message),
    })),
  };
}
