import type { WebClient } from '@slack/web-api';
import type { TeamSettings } from '../config/team-settings.ts';
import type { PrismaClient } from '../db/prisma.ts';
import { workingHoursBetween } from '../domain/digest/working-hours.ts';
import type { Logger } from '../log.ts';
import { escapeMrkdwn } from '../slack/blocks/text.ts';
import { displayNameOf } from './display-name.ts';

interface EscalationDeps {
  prisma: PrismaClient;
  slack: WebClient;
  settings: TeamSettings;
  managerMentions: () => Promise<string[]>;
  logger: Logger;
}

/**
 * A high-value account from a digest that is still unclaimed after the configured working hours
 * gets one thread reply mentioning the managers. Counting working hours, not clock hours, is
 * what keeps Friday evening's digest from escalating on Saturday and going unseen.
 */
export async function escalateUnclaimed(deps: EscalationDeps, now: Date): Promise<number> {
  const candidates = await deps.prisma.digestItem.findMany({
    where: {
      kind: 'churned',
      escalatedAt: null,
      messageTs: { not: null },
      digest: { status: 'posted', postedAt: { not: null } },
      account: { claims: { none: { activeAccountId: { not: null } } }, status: 'churned' },
    },
    include: { digest: true, account: true },
    // Oldest first: the newest items are the ones not due yet, and must not crowd out those that are.
    orderBy: [{ digest: { postedAt: 'asc' } }, { position: 'asc' }],
    take: 200,
  });
  const due = candidates.filter(
    (item) =>
      item.digest.postedAt &&
      workingHoursBetween(item.digest.postedAt, now, item.digest.timezone) >=
        deps.settings.WINBACK_ESCALATE_AFTER_HOURS,
  );
  if (due.length === 0) return 0;

  const managers = await deps.managerMentions();
  const mention = managers.length > 0 ? managers.map((id) => `<@${id}>`).join(' ') : 'Managers';
  let escalated = 0;
  for (const item of due) {
    // Mark first: a second instance or a retry must never post the same escalation again.
    const marked = await deps.prisma.digestItem.updateMany({
      where: { id: item.id, escalatedAt: null },
      data: { escalatedAt: now },
    });
    if (marked.count === 0) continue;
    const hours = deps.settings.WINBACK_ESCALATE_AFTER_HOURS;
    const after = `${hours} working ${hours === 1 ? 'hour' : 'hours'}`;
    await deps.slack.chat.postMessage({
      channel: item.digest.channelId,
      thread_ts: item.digest.messageTs ?? undefined,
      text: `${mention}: *${escapeMrkdwn(displayNameOf(item.account))}* is still unclaimed after ${after}.`,
    });
    escalated += 1;
  }
  deps.logger.info({ escalated }, 'unclaimed accounts escalated');
  return escalated;
}
