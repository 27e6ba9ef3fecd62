/**
 * The merge tags a template may use, written `{{first_name}}`. Each has a sentence saying where its value
 * comes from, shown to the sender when an account lacks it.
 */
export const MERGE_TAGS = {
  first_name: 'the account has no contact name',
  company: 'the account has no company name',
  requested_feature: 'no feedback on this account names a requested feature',
  offer: 'the account has no approved offer',
  offer_code: 'the approved offer has no code',
  offer_expiry: 'the approved offer code has no expiry date',
  rep_name: 'nobody is signing this email',
  amount_due: 'there is no open payment failure',
  card_last4: 'the card on file has no last four digits',
  card_expiry: 'there is no expiring card',
  reactivate_url: 'WINBACK_APP_URL is not set',
  update_payment_url: 'WINBACK_APP_URL is not set',
  checkout_url: 'WINBACK_APP_URL is not set',
  book_session_url: 'WINBACK_BOOKING_URL is not set',
  survey_url: 'WINBACK_SURVEY_URL is not set',
} as const;

export type MergeTag = keyof typeof MERGE_TAGS;

/** The values one account offers; a tag that is absent or blank counts as missing. */
export type MergeValues = Partial<Record<MergeTag, string>>;

export interface MissingTag {
  tag: MergeTag;
  why: string;
}

const TAG_PATTERN = /\{\{\s*([a-z0-9_]+)\s*\}\}/g;

export function isMergeTag(name: string): name is MergeTag {
  return Object.hasOwn(MERGE_TAGS, name);
}

/** Every tag name written in `text`, in order of first use, known or not. */
export function tagsIn(text: string): string[] {
  return [...new Set([...text.matchAll(TAG_PATTERN)].map((match) => match[1] ?? ''))];
}

/** The tags among `used` that `values` lacks, each with why. */
export function missingTags(used: readonly MergeTag[], values: MergeValues): MissingTag[] {
  return used.filter((tag) => !values[tag]?.trim()).map((tag) => ({ tag, why: MERGE_TAGS[tag] }));
}

/** Replaces each `{{tag}}` in `text` with `replace(tag)`. */
export function replaceTags(text: string, replace: (tag: MergeTag) => string): string {
  return text.replace(TAG_PATTERN, (whole, name: string) => (isMergeTag(name) ? replace(name) : whole));
}
