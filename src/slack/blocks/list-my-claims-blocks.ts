import type { KnownBlock } from '@slack/types';
import { describeClaimAge } from '../../accounts/claim-age.ts';
import type { MyClaim } from '../../accounts/list-my-claims.ts';
import { contextNote, detailsButton } from './list-line-blocks.ts';
import { plainTextOf } from './plain-text.ts';
import { escapeMrkdwn, section } from './text.ts';

export const NO_CLAIMS = 'You have no claimed accounts. `/winback list unclaimed` shows who is waiting.';

/** `*Acme* · claimed 3 days ago` and, under it, `Next: Log why they left`, with the Details button. */
export function myClaimBlock(claim: MyClaim, now: Date): KnownBlock {
  const age = describeClaimAge(claim.claimedAt, now);
  const text = `*${escapeMrkdwn(claim.displayName)}* · ${age}\nNext: ${claim.nextStep}`;
  return { type: 'section', text: { type: 'mrkdwn', text }, accessory: detailsButton(claim.accountId) };
}

/** The user's claims, oldest first, and how many more there are. */
export function myClaimBlocks(mine: { claims: MyClaim[]; total: number }, now: Date): KnownBlock[] {
  if (mine.claims.length === 0) return [section(NO_CLAIMS)];
  const blocks = mine.claims.map((claim) => myClaimBlock(claim, now));
  const more = mine.total - mine.claims.length;
  if (more > 0) blocks.push(contextNote(`…and ${more} more not shown.`));
  return blocks;
}

/** The reply to `/winback mine`. */
export function myClaimsMessage(mine: { claims: MyClaim[]; total: number }, now: Date) {
  if (mine.claims.length === 0) return { text: NO_CLAIMS, blocks: [section(NO_CLAIMS)] };
  const blocks = [section(`*Your accounts*, longest claimed first (${mine.total})`), ...myClaimBlocks(mine, now)];
  return { text: plainTextOf(blocks), blocks };
}
