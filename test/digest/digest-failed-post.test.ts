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

const zone = 'Europe/Berlin';
const at = (wallClock: string) => localTime(wallClock, zone);

let rig: DigestRig;
beforeAll(async () => {
  rig = await startDigestRig();
});

const callsTo = (channel: string) =>
  rig.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);

describe('a digest Slack refuses to post', () => {
  it('channel_not_found marks the day failed; the next tick retries it once and it is posted', async () => {
    const channel = 'C0FAILING1';
    const deps = rig.deps({ WINBACK_DIGEST_CHANNELS: `${channel}@08:30@${zone}` });
    const before = await seedChurned(rig.db.prisma, at('2026-04-13T07:00'));
    rig.slack.respondNext('chat.postMessage', 'channel_not_found');

    await tick(deps, at('2026-04-13T08:30'));
    expect(callsTo(channel).map((call) => call.response.error ?? 'ok')).toEqual(['channel_not_found']);
    const failed = await digestOf(rig.db.prisma, channel, '2026-04-13');
    expect(failed).toMatchObject({ status: 'failed', messageTs: null, postedAt: null, items: [] });

    // Seen between the failed attempt and the retry: the retried digest covers it too.
    const between = await seedChurned(rig.db.prisma, at('2026-04-13T08:30:30'));
    await tick(deps, at('2026-04-13T08:31'));
    await tick(deps, at('2026-04-13T08:32'));
    await tick(deps, at('2026-04-13T15:00'));

    expect(callsTo(channel).map((call) => call.response.error ?? 'ok')).toEqual(['channel_not_found', 'ok']);
    const posted = await digestOf(rig.db.prisma, channel, '2026-04-13');
    expect(posted).toMatchObject({ id: failed?.id, status: 'posted', messageTs: tsOf(postsTo(rig.slack, channel)[0]) });
    expect(posted?.periodEnd).toEqual(at('2026-04-13T08:31'));
    expect(posted?.items.map((item) => item.accountId)).toEqual(expect.arrayContaining([before.id, between.id]));
    expect(itemIdsIn(blocksOf(postsTo(rig.slack, channel)[0]))).toEqual(
      expect.arrayContaining([before.id, between.id]),
    );
  });

  it('a thread reply that fails after the first message is out keeps the digest posted and is never reposted', async () => {
    const channel = 'C0PARTIAL1';
    const deps = rig.deps({ WINBACK_DIGEST_CHANNELS: `${channel}@08:30@${zone}` });
    for (let i = 0; i < 30; i++) await seedChurned(rig.db.prisma, at('2026-04-20T07:00'), { clvMinor: 50_000_00 - i });
    // The first message goes out (answered as Slack would); the first thread reply is refused.
    rig.slack.respondNext('chat.postMessage', { body: { ok: true, channel, ts: '1799999999.000100' } });
    rig.slack.respondNext('chat.postMessage', 'channel_not_found');

    await tick(deps, at('2026-04-20T08:30'));
    await tick(deps, at('2026-04-20T08:31'));

    expect(callsTo(channel).map((call) => call.response.error ?? 'ok')).toEqual(['ok', 'channel_not_found']);
    const digest = await digestOf(rig.db.prisma, channel, '2026-04-20');
    expect(digest).toMatchObject({ status: 'posted', messageTs: '1799999999.000100' });
    const first = callsTo(channel)[0];
    const inFirst = new Set(itemIdsIn(blocksOf(first)));
    for (const item of digest?.items ?? []) {
      expect(item.messageTs).toBe(inFirst.has(item.accountId) ? '1799999999.000100' : null);
    }
    expect(digest?.items.filter((item) => item.messageTs === null).length).toBeGreaterThan(0);
  });
});
