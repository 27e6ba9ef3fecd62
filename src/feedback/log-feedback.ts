import type { WebClient } from '@slack/web-api';
import { recordAudit } from '../audit/record-audit.ts';
import { findAccountOrRefuse } from '../claims/claim-account.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { displayNameOf } from '../digest/display-name.ts';
import type { ChurnReason, FeedbackSource } from '../generated/prisma/enums.ts';
import type { Logger } from '../log.ts';
import { feedbackThreadNote } from '../slack/blocks/feedback-blocks.ts';
import { plainTextOf } from '../slack/blocks/plain-text.ts';
import { findAccountThread } from './find-account-thread.ts';

export interface FeedbackInput {
  accountId: string;
  reason: ChurnReason;
  details: string | null;
  /** Required by the modal when the reason is competitor. */
  competitor: string | null;
  /** Required by the modal when the reason is missing_feature. */
  requestedFeature: string | null;
  source: FeedbackSource;
  /** null: the customer did not say. */
  openToReturn: boolean | null;
}

export interface LoggedFeedback {
  feedbackId: string;
  displayName: string;
  /** False when the account has no thread to note it in (no thread of its own, in no posted digest). */
  noted: boolean;
}

/**
 * Stores what the customer said, with its author and time, and makes it the account's churn reason
 * (reason and, as its text, the details), audited in the same transaction. Then a short note
 * goes to the account's thread; a note Slack refuses is logged, and the feedback stands.
 */
export async function logFeedback(
  deps: { prisma: PrismaClient; logger: Logger },
  slack: WebClient,
  input: FeedbackInput,
  authorSlackId: string,
): Promise<LoggedFeedback> {
  const account = await findAccountOrRefuse(deps.prisma, input.accountId);
  const { accountId, ...fields } = input;

  const feedback = await deps.prisma.$transaction(async (tx) => {
    const created = await tx.feedback.create({ data: { accountId, authorSlackId, ...fields } });
    const churnReasonText = input.details;
    await tx.account.update({ where: { id: accountId }, data: { churnReason: input.reason, churnReasonText } });
    await recordAudit(tx, {
      actor: authorSlackId,
      action: 'feedback.logged',
      entityType: 'account',
      entityId: accountId,
      before: { churnReason: account.churnReason, churnReasonText: account.churnReasonText },
      after: { churnReason: input.reason, churnReasonText, feedbackId: created.id },
    });
    return created;
  });

  const displayName = displayNameOf(account);
  const thread = await findAccountThread(deps.prisma, account);
  // No thread of its own and in no posted digest: nowhere the team follows the account, so no note.
  if (!thread) return { feedbackId: feedback.id, displayName, noted: false };

  const blocks = feedbackThreadNote({ ...input, authorSlackId });
  try {
    await slack.chat.postMessage({
      channel: thread.channelId,
      thread_ts: thread.ts,
      text: plainTextOf(blocks),
      blocks,
    });
  } catch (error) {
    deps.logger.warn({ err: error, accountId, feedbackId: feedback.id }, 'feedback note could not be posted');
  }
  return { feedbackId: feedback.id, displayName, noted: true };
}
