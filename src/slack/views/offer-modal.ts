import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { formatMoney } from '../../domain/money.ts';
import { describeOffer, describePlaybookOffer, OFFER_TYPE_LABELS } from '../../domain/offers/describe-offer.ts';
import { TERMS_FIELDS, type TermsField } from '../../domain/offers/offer-terms.ts';
import { OFFER_TYPES } from '../../domain/playbook/offer-schema.ts';
import type { OfferPreview } from '../../offers/preview-offer.ts';
import { reasonLabel } from '../blocks/digest-blocks.ts';
import { costText } from '../blocks/offer-text.ts';
import { escapeMrkdwn, section } from '../blocks/text.ts';
import { ACTIONS, MODAL_INPUT, VIEWS } from '../ids.ts';

/** Block ids of the offer modal besides the terms' own fields (TermsField). */
export const OFFER_BLOCKS = { type: 'type', note: 'note', replace: 'replace', cost: 'cost' } as const;

export const MAX_NOTE = 500;
const MAX_TEXT = 200;

const plain = (text: string) => ({ type: 'plain_text' as const, text });

const typeOptions: PlainTextOption[] = OFFER_TYPES.map((type) => ({
  text: plain(OFFER_TYPE_LABELS[type]),
  value: type,
}));

type FieldShape = { label: string; kind: 'number' | 'text'; optional?: boolean; hint?: string };

function fieldShape(field: TermsField, type: string, currency: string): FieldShape {
  switch (field) {
    case 'percentOff':
      return { label: 'Percent off', kind: 'number' };
    case 'durationMonths':
      return { label: 'For how many months', kind: 'number' };
    case 'targetPlan':
      return { label: type === 'lower_tier' ? 'Lower plan' : 'Higher plan', kind: 'text', optional: true };
    case 'targetMrrMinor':
      return { label: `Its monthly price (${currency})`, kind: 'text', hint: 'Such as 49.00; the cost depends on it.' };
    case 'trialDays':
      return { label: 'Trial days', kind: 'number' };
    case 'sessionMinutes':
      return { label: 'Session length in minutes', kind: 'number' };
    case 'feature':
      return { label: 'Which beta', kind: 'text', optional: true };
    case 'graceDays':
      return { label: 'Grace days', kind: 'number' };
  }
}

// Numbers and prices recompute the cost when Enter is pressed in them; plan and feature names do not.
function fieldBlock(field: TermsField, preview: OfferPreview): InputBlock {
  const shape = fieldShape(field, preview.draft.type, preview.account.currency);
  const value = preview.draft.values[field];
  const recomputes = shape.kind === 'number' || field === 'targetMrrMinor';
  const element =
    shape.kind === 'number'
      ? { type: 'number_input' as const, is_decimal_allowed: false, ...(value ? { initial_value: value } : {}) }
      : { type: 'plain_text_input' as const, max_length: MAX_TEXT, ...(value ? { initial_value: value } : {}) };
  return {
    type: 'input',
    block_id: field,
    label: plain(shape.label),
    optional: shape.optional ?? false,
    ...(shape.hint ? { hint: plain(shape.hint) } : {}),
    dispatch_action: recomputes,
    element: {
      ...element,
      action_id: recomputes ? ACTIONS.offerField : MODAL_INPUT,
      ...(recomputes ? { dispatch_action_config: { trigger_actions_on: ['on_enter_pressed' as const] } } : {}),
    },
  };
}

function accountLine({ account }: OfferPreview): string {
  const money = (minor: number) => formatMoney({ minor, currency: account.currency });
  const mrr = `${account.status === 'churned' ? 'lost MRR' : 'MRR'} ${money(account.mrrMinor)}`;
  const clv = account.clvMinor === null ? 'CLV not scored yet' : `CLV ${money(account.clvMinor)}`;
  const reason = account.churnReason ? reasonLabel(account.churnReason) : 'no churn reason yet';
  return `*${escapeMrkdwn(account.displayName)}* · ${reason} · ${mrr} · ${clv}`;
}

function playLine({ play, account }: OfferPreview): string {
  const options = play.offers
    .map((offer) => escapeMrkdwn(describePlaybookOffer(offer, account.currency)))
    .join(', or ');
  return `Playbook: ${escapeMrkdwn(play.strategy)} (${options})`;
}

function verdictText(preview: OfferPreview): string {
  const { outcome, account } = preview;
  if (outcome.kind === 'incomplete') return '_Fill in the offer to see its cost. Press Enter in a field to update it._';
  const figures = { ...outcome, clvMinor: account.clvMinor, currency: account.currency };
  const cost = costText(figures);
  const { verdict } = outcome;
  if (verdict.kind === 'refused') {
    const problems = verdict.problems.map((problem) => escapeMrkdwn(problem.message)).join(' ');
    return `${cost}\n:no_entry: *Not allowed:* ${problems}`;
  }
  if (verdict.kind === 'auto_approved') {
    return `${cost}\n:white_check_mark: Approved automatically when you propose it.`;
  }
  return `${cost}\n:raising_hand: *Needs a manager:* ${verdict.reasons.map(escapeMrkdwn).join(' ')}`;
}

/**
 * "Propose an offer": prefilled from the playbook for the account's churn reason, editable, with the
 * offer's cost against the account's CLV and what the guardrails will do with it.
 */
export function offerModal(preview: OfferPreview, privateMetadata: string): ModalView {
  const currentType = typeOptions.find((option) => option.value === preview.draft.type);
  const blocks: KnownBlock[] = [
    section(accountLine(preview)),
    { type: 'context', elements: [{ type: 'mrkdwn', text: playLine(preview) }] },
    {
      type: 'input',
      block_id: OFFER_BLOCKS.type,
      label: plain('Offer'),
      dispatch_action: true,
      element: {
        type: 'static_select',
        action_id: ACTIONS.offerField,
        options: typeOptions,
        ...(currentType ? { initial_option: currentType } : {}),
      },
    },
    ...TERMS_FIELDS[preview.draft.type].map((field) => fieldBlock(field, preview)),
    {
      type: 'input',
      block_id: OFFER_BLOCKS.note,
      optional: true,
      label: plain('Note for the approver'),
      element: { type: 'plain_text_input', action_id: MODAL_INPUT, multiline: true, max_length: MAX_NOTE },
    },
  ];
  if (preview.replaceable) {
    // Plain text, so the proposer's words need no escaping; Slack cuts option text at 75 characters.
    const old = `Replace it: ${describeOffer(preview.replaceable.terms, preview.account.currency)}`;
    blocks.push({
      type: 'input',
      block_id: OFFER_BLOCKS.replace,
      optional: true,
      label: plain('An offer is already in play'),
      element: {
        type: 'checkboxes',
        action_id: MODAL_INPUT,
        options: [{ text: plain(old.length > 75 ? `${old.slice(0, 74)}…` : old), value: 'replace' }],
      },
    });
  }
  blocks.push({ type: 'section', block_id: OFFER_BLOCKS.cost, text: { type: 'mrkdwn', text: verdictText(preview) } });
  return {
    type: 'modal',
    callback_id: VIEWS.proposeOffer,
    title: plain('Propose an offer'),
    submit: plain('Propose'),
    close: plain('Cancel'),
    private_metadata: privateMetadata,
    blocks,
  };
}
