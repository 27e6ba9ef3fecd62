import type { KnownBlock, ModalView } from '@slack/types';
import type { EmailDraft } from '../../email/prepare-winback-email.ts';
import { contextOf, emailPreviewBlocks } from '../blocks/email-preview-blocks.ts';
import { MODAL_INPUT, VIEWS } from '../ids.ts';

/** The send-email modal's fields; each is its input's block_id, which validation errors are keyed by. */
export const SEND_EMAIL_FIELDS = { subject: 'subject', body: 'body', signature: 'signature' } as const;

// Slack's limits: 3000 characters in a plain_text_input, 24 in a modal title.
export const MAX_BODY = 3000;
export const MAX_SUBJECT = 200;

const plain = (text: string) => ({ type: 'plain_text' as const, text });

function input(
  blockId: string,
  label: string,
  initial: string,
  options: { multiline?: boolean; max: number; hint?: string },
) {
  return {
    type: 'input' as const,
    block_id: blockId,
    label: plain(label),
    ...(options.hint && { hint: plain(options.hint) }),
    element: {
      type: 'plain_text_input' as const,
      action_id: MODAL_INPUT,
      multiline: options.multiline ?? false,
      max_length: options.max,
      initial_value: initial.slice(0, options.max),
    },
  };
}

/**
 * "Send email": the rendered preview (recipient, template, A/B variant), with the subject, the text
 * and the signature editable. Sending as previewed keeps the template's HTML; edited text is sent as
 * written.
 */
export function sendEmailModal(draft: EmailDraft, repName: string, privateMetadata: string): ModalView {
  const blocks: KnownBlock[] = [
    ...emailPreviewBlocks(draft),
    input(SEND_EMAIL_FIELDS.subject, 'Subject', draft.subject, { max: MAX_SUBJECT }),
    input(SEND_EMAIL_FIELDS.body, 'Email text', draft.text, {
      multiline: true,
      max: MAX_BODY,
      hint: 'Leave it as it is to send the designed HTML version; edit it and your text is sent as written.',
    }),
    input(SEND_EMAIL_FIELDS.signature, 'Signed by', repName, {
      max: 100,
      hint: 'The name under the email when the text is not edited.',
    }),
    contextOf('It leaves at once unless it is night where the customer is; then it waits for the morning.'),
  ];
  return {
    type: 'modal',
    callback_id: VIEWS.sendEmail,
    private_metadata: privateMetadata,
    title: plain('Send email'),
    submit: plain('Send'),
    close: plain('Cancel'),
    blocks,
  };
}

/** What the modal turns into once the email is queued. */
export function emailQueuedModal(text: string): ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.notice,
    title: plain('Send email'),
    close: plain('Close'),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}
