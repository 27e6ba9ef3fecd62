import { beforeAll, describe, expect, it } from 'vitest';
import { replyTo } from '../claims/claim-rig.ts';
import { blocksOf, textsOf } from '../digest/digest-rig.ts';
import {
  APPROVALS,
  click,
  discountValues,
  MANAGER,
  MEMBER,
  messagesTo,
  offerOnceSettled,
  proposeThroughModal,
  runExpiry,
  seedAccount,
  send,
  startOfferApp,
  updatesOf,
  waitFor,
} from '../offers/offer-rig.ts';
import type { TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startOfferApp();
});

const HOUR = 3_600_000;

async function pendingOffer(company: string) {
  const account = await seedAccount(app, { company });
  const { offer } = await proposeThroughModal(app, account.id, MEMBER, discountValues('25', '3'));
  return offerOnceSettled(app, offer?.id ?? '');
}

describe('pending approvals expire after 48 hours', () => {
  it('leaves an approval alone a minute before its time, and expires it at its time, once', async () => {
    const offer = await pendingOffer('Expiring Co');
    const expiresAt = offer.approvalExpiresAt ?? new Date();
    expect(expiresAt.getTime() - offer.createdAt.getTime()).toBeCloseTo(48 * HOUR, -4);
    const dmsBefore = messagesTo(app, MEMBER).length;

    expect(await runExpiry(app, new Date(expiresAt.getTime() - 60_000))).toBe(0);
    expect(await runExpiry(app, expiresAt)).toBe(1);
    expect(await runExpiry(app, new Date(expiresAt.getTime() + HOUR))).toBe(0);

    expect(await app.db.prisma.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      status: 'expired',
      code: null,
    });
    const [update] = updatesOf(app, offer.approvalTs ?? '');
    expect(update?.args.channel).toBe(APPROVALS);
    expect(textsOf(blocksOf(update)).join('\n')).toContain(':hourglass: Expired: no manager decided in time.');
    expect(blocksOf(update).some((block) => block.type === 'actions')).toBe(false);

    const dm = await waitFor('the proposer told', () => messagesTo(app, MEMBER)[dmsBefore]);
    expect(dm.args.text).toBe(
      'Your offer *25% off for 3 months* for *Expiring Co* expired: no manager decided within 48 hours. ' +
        'You can propose it again.',
    );
    const audit = await app.db.prisma.auditEntry.findMany({ where: { entityId: offer.id, action: 'offer.expired' } });
    expect(audit.map((entry) => entry.actor)).toEqual(['system:offer-expiry']);
  });

  it('tells a manager who clicks Approve after the expiry that it expired, and records no decision', async () => {
    const offer = await pendingOffer('Too Late Co');
    await runExpiry(app, offer.approvalExpiresAt ?? new Date());

    const { responseUrl, request } = click(app, { actionId: 'approve_offer', value: offer.id, userId: MANAGER });
    await send(app, request);

    expect((await replyTo(app, responseUrl)).text).toBe('This offer is no longer waiting for a decision: it expired.');
    expect(await app.db.prisma.offerDecision.count({ where: { offerId: offer.id } })).toBe(0);
  });

  it('lets the account get a new offer once its approval expired: an expired approval starts no cooldown', async () => {
    const offer = await pendingOffer('Again Co');
    await runExpiry(app, offer.approvalExpiresAt ?? new Date());

    const { answer } = await proposeThroughModal(app, offer.accountId, MEMBER, discountValues('10', '2'));
    expect(answer.body).toBe('');
    const statuses = await app.db.prisma.offer.findMany({
      where: { accountId: offer.accountId },
      orderBy: { createdAt: 'asc' },
      select: { status: true },
    });
    expect(statuses.map((row) => row.status)).toEqual(['expired', 'approved']);
  });
});
