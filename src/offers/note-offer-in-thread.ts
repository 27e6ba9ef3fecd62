import type { WebClient } from '@slack/web-api';
import type { PrismaClient } from '../db/prisma.ts';
import { findAccountThread } from '../feedback/find-account-thread.ts';
import type { Logger } from '../log.ts';
import { offerThreadNote } from '../slack/blocks/offer-notice-blocks.ts';
import type { OfferCard } from './load-offer-card.ts';

/** An approved offer joins the account's story in its thread; an account without a thread gets no note. */
export async function noteOfferInThread(
  deps: { prisma: PrismaClient; logger: Logger },
  slack: WebClient,
  card: OfferCard,
): Promise<void> {
  const thread = await findAccountThread(deps.prisma, card.threadAccount);
  if (!thread) return;
  try {
    await slack.chat.postMessage({ channel: thread.channelId, thread_ts: thread.ts, ...offerThreadNote(card) });
  } catch (error) {
    deps.logger.warn({ err: error, offerId: card.offerId }, 'offer note could not be posted');
  }
}
