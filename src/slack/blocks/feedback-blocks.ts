import type { KnownBlock } from '@slack/types';
import type { Unresolved } from '../../accounts/find-accounts.ts';
import type { FeedbackSource } from '../../generated/prisma/enums.ts';
import { reasonLabel } from './digest-blocks.ts';
import { logFeedbackButton } from './feedback-buttons.ts';
import { accountLineText, contextNote } from './list-line-blocks.ts';
import { plainTextOf } from './plain-text.ts';
import { escapeMrkdwn, section } from './text.ts';

export const SOURCE_LABELS: Record<FeedbackSource, string> = {
  call: 'a call',
  survey: 'a survey',
  email: 'an email',
  chat: 'a chat',
  billing: 'the billing system',
};

const OPEN_TO_RETURN = (open: boolean | null) =>
  open === null ? 'open to coming back: not said' : open ? 'open to coming back' : 'not open to coming back';

// Slack quotes a line starting with ">"; every line of the customer's words gets one.
const quote = (text: string) =>
  escapeMrkdwn(text)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');

export interface FeedbackNote {
  authorSlackId: string;
  reason: string;
  details: string | null;
  competitor: string | null;
  requestedFeature: string | null;
  source: FeedbackSource;
  openToReturn: boolean | null;
}

/** The short note in the account's thread: who logged what, the customer's words quoted and escaped. */
export function feedbackThreadNote(note: FeedbackNote): KnownBlock[] {
  const facts = [`from ${SOURCE_LABELS[note.source]}`, OPEN_TO_RETURN(note.openToReturn)];
  if (note.competitor) facts.push(`went to ${escapeMrkdwn(note.competitor)}`);
  if (note.requestedFeature) facts.push(`asked for ${escapeMrkdwn(note.requestedFeature)}`);
  const lines = [`<@${note.authorSlackId}> logged feedback: *${reasonLabel(note.reason)}* · ${facts.join(' · ')}`];
  if (note.details) lines.push(quote(note.details));
  return [section(lines.join('\n'))];
}

/** What the author sees once it is saved. */
export function feedbackLoggedMessage(displayName: string, reason: string, noted: boolean) {
  const where = noted
    ? 'A note is in the account’s thread.'
    : 'The account has no thread yet (it was in no digest), so no note was posted.';
  const saved = `Feedback on *${escapeMrkdwn(displayName)}* saved; its churn reason is now *${reasonLabel(reason)}*.`;
  const text = `${saved} ${where}`;
  return { text, blocks: [section(text)] };
}

/** When `/winback feedback <reference>` names no account or several: the choices, each with Log feedback. */
export function feedbackChoicesMessage(reference: string, match: Unresolved): { text: string; blocks: KnownBlock[] } {
  const typed = `\`${escapeMrkdwn(reference)}\``;
  if (match.status === 'none') {
    const text = `No account matches ${typed}. Try part of the company name, an email or a billing id.`;
    return { text, blocks: [section(text)] };
  }
  const blocks: KnownBlock[] = [section(`Several accounts match ${typed}. Which one is the feedback about?`)];
  for (const account of match.accounts) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: accountLineText(account) },
      accessory: logFeedbackButton(account.id),
    });
  }
  if (match.more > 0) blocks.push(contextNote(`…and ${match.more} more. Type more of the name to narrow it down.`));
  return { text: plainTextOf(blocks), blocks };
}
