import { beforeAll, describe, expect, it } from 'vitest';
import {
  blocksOf,
  type DigestRig,
  digestOf,
  itemIdsIn,
  localTime,
  postsTo,
  seedChurned,
  startDigestRig,
  tick,
  tsOf,
} from './digest-rig.ts';

let rig: DigestRig;
beforeAll(async () => {
  rig = await startDigestRig();
});

// The days the clocks change in 2026.
const clockChanges = [
  { zone: 'Europe/Berlin', channel: 'C0BERLIN01', day: '2026-03-29', change: 'spring forward' },
  { zone: 'Europe/Berlin', channel: 'C0BERLIN01', day: '2026-10-25', change: 'fall back' },
  { zone: 'America/New_York', channel: 'C0NEWYORK1', day: '2026-03-08', change: 'spring forward' },
  { zone: 'America/New_York', channel: 'C0NEWYORK1', day: '2026-11-01', change: 'fall back' },
];

describe('a digest at 08:30 local time on the days the clocks change', () => {
  it.each(clockChanges)('$zone, $day ($change): not at 08:29, at 08:30, not again at 15:00', async (row) => {
    const deps = rig.deps({ WINBACK_DIGEST_CHANNELS: `${row.channel}@08:30@${row.zone}` });
    const before = postsTo(rig.slack, row.channel).length;
    const account = await seedChurned(rig.db.prisma, localTime(`${row.day}T07:00`, row.zone));

    await tick(deps, localTime(`${row.day}T08:29`, row.zone));
    expect(postsTo(rig.slack, row.channel).length).toBe(before);
    expect(await digestOf(rig.db.prisma, row.channel, row.day)).toBeNull();

    await tick(deps, localTime(`${row.day}T08:30`, row.zone));
    const posts = postsTo(rig.slack, row.channel).slice(before);
    expect(posts).toHaveLength(1);
    const digest = await digestOf(rig.db.prisma, row.channel, row.day);
    expect(digest).toMatchObject({ status: 'posted', timezone: row.zone, messageTs: tsOf(posts[0]) });
    expect(digest?.postedAt).toEqual(localTime(`${row.day}T08:30`, row.zone));
    expect(digest?.items.map((item) => item.accountId)).toContain(account.id);
    expect(itemIdsIn(blocksOf(posts[0]))).toContain(account.id);

    // Catch-up stays open all day, but the day's row is taken: nothing more.
    await tick(deps, localTime(`${row.day}T15:00`, row.zone));
    await tick(deps, localTime(`${row.day}T23:59`, row.zone));
    expect(postsTo(rig.slack, row.channel).length).toBe(before + 1);
    const localDate = new Date(`${row.day}T00:00:00Z`);
    expect(await rig.db.prisma.digest.count({ where: { channelId: row.channel, localDate } })).toBe(1);
  });
});

describe('a digest scheduled inside the hour the clocks skip', () => {
  it.each([
    { zone: 'Europe/Berlin', channel: 'C0GAPBER01', day: '2026-03-29', gapEnd: '03:00' },
    { zone: 'America/New_York', channel: 'C0GAPNYC01', day: '2026-03-08', gapEnd: '03:00' },
  ])('02:30 in $zone on $day posts once, at 03:30 summer time, the instant 02:30 winter time would be', async (row) => {
    const deps = rig.deps({ WINBACK_DIGEST_CHANNELS: `${row.channel}@02:30@${row.zone}` });

    // 01:59 winter time, then the first minute after the gap: not yet.
    await tick(deps, new Date(localTime(`${row.day}T${row.gapEnd}`, row.zone).getTime() - 60_000));
    await tick(deps, localTime(`${row.day}T${row.gapEnd}`, row.zone));
    await tick(deps, localTime(`${row.day}T03:29`, row.zone));
    expect(postsTo(rig.slack, row.channel)).toHaveLength(0);

    await tick(deps, localTime(`${row.day}T03:30`, row.zone));
    await tick(deps, localTime(`${row.day}T15:00`, row.zone));
    expect(postsTo(rig.slack, row.channel)).toHaveLength(1);
    expect(await digestOf(rig.db.prisma, row.channel, row.day)).toMatchObject({ status: 'posted' });
  });
});

describe('catch-up after downtime', () => {
  it('posts at 11:00 what 08:30 missed, once; the next day covers only what churned since that post', async () => {
    const zone = 'Europe/Berlin';
    const channel = 'C0CATCHUP1';
    const deps = rig.deps({ WINBACK_DIGEST_CHANNELS: `${channel}@08:30@${zone}` });
    // Accounts churned on other tests' days are in this database too; this channel's first digest shows them all.
    const earlier = await rig.db.prisma.account.count({
      where: { status: 'churned', churnSeenAt: { lte: localTime('2026-06-10T11:00', zone) } },
    });
    const lastWeek = await seedChurned(rig.db.prisma, localTime('2026-06-03T10:00', zone));
    const thisMorning = await seedChurned(rig.db.prisma, localTime('2026-06-10T07:00', zone));
    // Seen at the very instant of the catch-up tick: that digest's, never the next one's.
    const atTheTick = await seedChurned(rig.db.prisma, localTime('2026-06-10T11:00', zone));

    // The app was down at 08:30: no tick. Back at 11:00.
    await tick(deps, localTime('2026-06-10T11:00', zone));
    const first = postsTo(rig.slack, channel);
    expect(first.length).toBeGreaterThanOrEqual(1);
    const firstDigest = await digestOf(rig.db.prisma, channel, '2026-06-10');
    expect(firstDigest).toMatchObject({ status: 'posted', periodStart: null, itemCount: earlier + 3 });
    expect(firstDigest?.periodEnd).toEqual(localTime('2026-06-10T11:00', zone));
    const firstItems = firstDigest?.items.map((item) => item.accountId) ?? [];
    expect(firstItems).toEqual(expect.arrayContaining([lastWeek.id, thisMorning.id, atTheTick.id]));

    const afternoon = await seedChurned(rig.db.prisma, localTime('2026-06-10T14:00', zone), { clvMinor: 9_000_00 });
    const nextMorning = await seedChurned(rig.db.prisma, localTime('2026-06-11T08:00', zone), { clvMinor: 2_000_00 });
    await tick(deps, localTime('2026-06-10T11:01', zone));
    await tick(deps, localTime('2026-06-10T16:00', zone));
    expect(postsTo(rig.slack, channel)).toHaveLength(first.length);

    await tick(deps, localTime('2026-06-11T08:30', zone));
    const second = postsTo(rig.slack, channel).slice(first.length);
    expect(second).toHaveLength(1);
    const secondDigest = await digestOf(rig.db.prisma, channel, '2026-06-11');
    expect(secondDigest?.periodStart).toEqual(firstDigest?.periodEnd);
    expect(secondDigest?.items.map((item) => item.accountId)).toEqual([afternoon.id, nextMorning.id]);
    expect(itemIdsIn(blocksOf(second[0]))).toEqual([afternoon.id, nextMorning.id]);
  });
});
