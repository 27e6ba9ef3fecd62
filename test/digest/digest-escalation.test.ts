import { beforeAll, describe, expect, it } from 'vitest';
import { claimAccount } from '../../src/claims/claim-account.ts';
import { releaseAccount } from '../../src/claims/release-account.ts';
import { type DigestRig, digestOf, localTime, postsTo, seedChurned, startDigestRig, tick, tsOf } from './digest-rig.ts';

const zone = 'Europe/Berlin';
const channel = 'C0ESCALAT1';
const env = {
  WINBACK_DIGEST_CHANNELS: `${channel}@16:00@${zone}`,
  WINBACK_ESCALATE_AFTER_HOURS: '2',
  WINBACK_MANAGERS: 'U0MANAGER1,U0MANAGER2',
};
// 13 November 2026 is a Friday.
const at = (wallClock: string) => localTime(wallClock, zone);

let rig: DigestRig;
beforeAll(async () => {
  rig = await startDigestRig();
});

const threadReplies = () => postsTo(rig.slack, channel).filter((call) => call.args.thread_ts !== undefined);

describe('escalating high-value accounts still unclaimed after N working hours', () => {
  it('a digest posted Friday 16:00 with N=2 escalates on Monday at 10:00, not at the weekend, and only once', async () => {
    const seen = at('2026-11-13T09:00');
    const unclaimed = await seedChurned(rig.db.prisma, seen, { company: 'Globex', clvMinor: 9_000_00 });
    const claimedLater = await seedChurned(rig.db.prisma, seen, { company: 'Initech', clvMinor: 8_000_00 });
    // Not high-value: not in the digest, so never escalated.
    await seedChurned(rig.db.prisma, seen, { company: 'Tiny', paretoPriority: false, clvMinor: 1_00 });
    // A failed payment is a digest line too, but escalation is for churned accounts.
    const paying = await rig.db.prisma.account.create({
      data: { source: 'test', externalId: 'paying', company: 'Hooli' },
    });
    await rig.db.prisma.paymentFailure.create({
      data: {
        accountId: paying.id,
        source: 'test',
        invoiceId: 'in_1',
        amountMinor: 5_00,
        currency: 'EUR',
        failedAt: seen,
      },
    });
    const first = rig.deps(env, { separate: true });
    const second = rig.deps(env, { separate: true });

    await tick(first, at('2026-11-13T16:00'));
    const [digestPost] = postsTo(rig.slack, channel);
    const digest = await digestOf(rig.db.prisma, channel, '2026-11-13');
    expect(digest?.items.map((item) => [item.kind, item.accountId])).toEqual([
      ['churned', unclaimed.id],
      ['churned', claimedLater.id],
      ['failed', paying.id],
    ]);

    // Friday evening and the weekend: 20 clock hours but one working hour.
    for (const wallClock of ['2026-11-13T17:30', '2026-11-14T12:00', '2026-11-15T12:00']) {
      await tick(first, at(wallClock));
    }
    await claimAccount(rig.db.prisma, claimedLater.id, 'U0OWNER001');
    await tick(first, at('2026-11-16T09:59'));
    expect(threadReplies()).toHaveLength(0);

    // Two instances reach Monday 10:00 together: one reply.
    await Promise.all([tick(first, at('2026-11-16T10:00')), tick(second, at('2026-11-16T10:00'))]);
    const replies = threadReplies();
    expect(replies).toHaveLength(1);
    expect(replies[0]?.args).toMatchObject({
      channel,
      thread_ts: tsOf(digestPost),
      text: '<@U0MANAGER1> <@U0MANAGER2>: *Globex* is still unclaimed after 2 working hours.',
    });
    const items = await rig.db.prisma.digestItem.findMany({ where: { digestId: digest?.id } });
    const escalatedAt = Object.fromEntries(items.map((item) => [`${item.kind}:${item.accountId}`, item.escalatedAt]));
    expect(escalatedAt).toEqual({
      [`churned:${unclaimed.id}`]: at('2026-11-16T10:00'),
      [`churned:${claimedLater.id}`]: null,
      [`failed:${paying.id}`]: null,
    });

    for (const wallClock of ['2026-11-16T10:01', '2026-11-16T15:00', '2026-11-17T11:00', '2026-11-20T12:00']) {
      await tick(first, at(wallClock));
    }
    expect(threadReplies()).toHaveLength(1);
  });

  it('an account released again before the hours are up is escalated like any unclaimed one', async () => {
    const seen = at('2026-11-23T07:00');
    const account = await seedChurned(rig.db.prisma, seen, { company: 'Umbrella' });
    const deps = rig.deps(env);
    await tick(deps, at('2026-11-23T16:00'));
    const claim = await claimAccount(rig.db.prisma, account.id, 'U0OWNER001');
    expect(claim.status).toBe('claimed');
    await releaseAccount(rig.db.prisma, account.id, { userId: 'U0OWNER001', isManager: false });
    const before = threadReplies().length;

    await tick(deps, at('2026-11-24T09:59'));
    expect(threadReplies()).toHaveLength(before);
    await tick(deps, at('2026-11-24T10:00'));
    expect(
      threadReplies()
        .slice(before)
        .map((call) => call.args.text),
    ).toEqual(['<@U0MANAGER1> <@U0MANAGER2>: *Umbrella* is still unclaimed after 2 working hours.']);
  });

  it('an item due for escalation is found behind 250 newer unclaimed items that are not due yet', async () => {
    const deps = rig.deps({ ...env, WINBACK_DIGEST_CHANNELS: '' });
    const due = await seedChurned(rig.db.prisma, at('2026-12-01T07:00'), { company: 'Old Unclaimed' });
    const fresh = [];
    for (let i = 0; i < 250; i++) fresh.push(await seedChurned(rig.db.prisma, at('2026-12-08T07:00')));
    // Rows as posted digests leave them; the newer digest is inserted first, so the due item sits behind it on disk.
    const newer = await rig.db.prisma.digest.create({
      data: { ...digestRow('C0BACKLOG1', '2026-12-08'), items: { create: fresh.map(itemRow) } },
    });
    await rig.db.prisma.digest.create({
      data: { ...digestRow('C0BACKLOG1', '2026-12-01'), items: { create: [itemRow(due, 0)] } },
    });

    await tick(deps, at('2026-12-08T16:30'));

    const replies = rig.slack
      .callsTo('chat.postMessage')
      .filter((call) => call.args.channel === 'C0BACKLOG1' && call.response.ok);
    expect(replies.map((call) => call.args.text)).toEqual([
      '<@U0MANAGER1> <@U0MANAGER2>: *Old Unclaimed* is still unclaimed after 2 working hours.',
    ]);
    expect(await rig.db.prisma.digestItem.count({ where: { digestId: newer.id, escalatedAt: { not: null } } })).toBe(0);
  });
});

function digestRow(channelId: string, localDate: string) {
  const postedAt = at(`${localDate}T16:00`);
  return {
    channelId,
    localDate: new Date(`${localDate}T00:00:00Z`),
    timezone: zone,
    status: 'posted' as const,
    messageTs: `${postedAt.getTime() / 1000}.000100`,
    periodEnd: postedAt,
    postedAt,
  };
}

function itemRow(account: { id: string }, position: number) {
  return { accountId: account.id, kind: 'churned', position, messageTs: '1700000000.000100' };
}
