import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { CHURN_REASONS } from '../../domain/churn-reason.ts';
import type { FeedbackTarget } from '../../feedback/load-feedback-target.ts';
import { reasonLabel } from '../blocks/digest-blocks.ts';
import { SOURCE_LABELS } from '../blocks/feedback-blocks.ts';
import { escapeMrkdwn, section } from '../blocks/text.ts';
import { MODAL_INPUT, VIEWS } from '../ids.ts';

/** The feedback modal's fields; each is its input's block_id, which validation errors are keyed by. */
export const FEEDBACK_FIELDS = {
  reason: 'reason',
  details: 'details',
  competitor: 'competitor',
  requestedFeature: 'requestedFeature',
  source: 'source',
  openToReturn: 'openToReturn',
} as const;

export const MAX_DETAILS = 2000;
export const MAX_SHORT_TEXT = 200;

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const option = (value: string, text: string): PlainTextOption => ({ text: plain(text), value });

const reasonOptions = CHURN_REASONS.map((reason) => option(reason, capitalised(reasonLabel(reason))));
const sourceOptions = Object.entries(SOURCE_LABELS).map(([value, text]) => option(value, capitalised(text)));
const returnOptions = [option('yes', 'Yes'), option('no', 'No'), option('unknown', 'They did not say')];

function textInput(blockId: string, label: string, options: { hint?: string; multiline?: boolean; max: number }) {
  return {
    type: 'input' as const,
    block_id: blockId,
    optional: true,
    label: plain(label),
    ...(options.hint ? { hint: plain(options.hint) } : {}),
    element: {
      type: 'plain_text_input' as const,
      action_id: MODAL_INPUT,
      multiline: options.multiline ?? false,
      max_length: options.max,
    },
  };
}

/** "Log feedback": why the customer left, in their words, and whether they would come back. */
export function feedbackModal(target: FeedbackTarget, privateMetadata: string): ModalView {
  const current = reasonOptions.find((choice) => choice.value === target.churnReason);
  const blocks: KnownBlock[] = [
    section(
      `What did *${escapeMrkdwn(target.displayName)}* say? ` +
        "It is saved with your name and becomes the account's churn reason.",
    ),
    {
      type: 'input',
      block_id: FEEDBACK_FIELDS.reason,
      label: plain('Why they left'),
      element: {
        type: 'static_select',
        action_id: MODAL_INPUT,
        options: reasonOptions,
        ...(current ? { initial_option: current } : {}),
      },
    },
    textInput(FEEDBACK_FIELDS.details, 'In their words', { multiline: true, max: MAX_DETAILS }),
    textInput(FEEDBACK_FIELDS.competitor, 'Competitor they moved to', {
      hint: 'Needed when they moved to a competitor.',
      max: MAX_SHORT_TEXT,
    }),
    textInput(FEEDBACK_FIELDS.requestedFeature, 'Feature they asked for', {
      hint: 'Needed when a missing feature is why they left.',
      max: MAX_SHORT_TEXT,
    }),
    {
      type: 'input',
      block_id: FEEDBACK_FIELDS.source,
      label: plain('Where you heard it'),
      element: { type: 'static_select', action_id: MODAL_INPUT, options: sourceOptions },
    },
    {
      type: 'input',
      block_id: FEEDBACK_FIELDS.openToReturn,
      label: plain('Open to coming back?'),
      element: {
        type: 'radio_buttons',
        action_id: MODAL_INPUT,
        options: returnOptions,
        initial_option: returnOptions[2],
      },
    },
  ];
  return {
    type: 'modal',
    callback_id: VIEWS.logFeedback,
    title: plain('Log feedback'),
    submit: plain('Save'),
    close: plain('Cancel'),
    private_metadata: privateMetadata,
    blocks,
  };
}
