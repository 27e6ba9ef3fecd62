import { z } from 'zod';
import { TERMS_FIELDS, type TermsField } from '../../domain/offers/offer-terms.ts';
import { OFFER_TYPES } from '../../domain/playbook/offer-schema.ts';
import type { OfferDraft } from '../../offers/offer-draft.ts';
import { MAX_NOTE, OFFER_BLOCKS } from './offer-modal.ts';
import { decodeViewMetadata } from './view-metadata.ts';
import { readViewValues, viewErrors, viewStateSchema } from './view-state.ts';

const extrasSchema = z.object({
  [OFFER_BLOCKS.type]: z.enum(OFFER_TYPES, { error: 'Choose an offer.' }),
  [OFFER_BLOCKS.note]: z
    .string()
    .trim()
    .max(MAX_NOTE, `Keep the note under ${MAX_NOTE} characters.`)
    .optional()
    .transform((value) => value || null),
  [OFFER_BLOCKS.replace]: z.array(z.string()).optional(),
});

export interface OfferView {
  accountId: string;
  responseUrl: string | undefined;
  draft: OfferDraft;
  note: string | null;
  /** null when the modal had no "replace" box. */
  replace: boolean | null;
}

/** The offer modal's state as a draft (the terms are parsed by the service, which knows the currency). */
export function readOfferView(view: {
  private_metadata?: string;
  state?: unknown;
}): { ok: true; offer: OfferView } | { ok: false; errors: Record<string, string> } {
  const metadata = decodeViewMetadata(view.private_metadata ?? '');
  if (!metadata.accountId) throw new Error('the offer modal lost its account id');

  const values = readViewValues(view);
  const extras = extrasSchema.safeParse(values);
  if (!extras.success) return { ok: false, errors: viewErrors(extras.error) };

  const type = extras.data.type;
  const termValues: Partial<Record<TermsField, string>> = {};
  for (const field of TERMS_FIELDS[type]) {
    const value = values[field];
    if (typeof value === 'string') termValues[field] = value;
  }
  // Slack lists every input block of the view in its state, an unticked box too.
  const replaceShown = OFFER_BLOCKS.replace in viewStateSchema.parse(view).state.values;
  return {
    ok: true,
    offer: {
      accountId: metadata.accountId,
      responseUrl: metadata.responseUrl,
      draft: { type, values: termValues },
      note: extras.data.note,
      replace: replaceShown ? (extras.data.replace ?? []).includes('replace') : null,
    },
  };
}
