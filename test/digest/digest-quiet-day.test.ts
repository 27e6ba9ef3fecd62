import { beforeAll, describe, expect, it } from 'vitest';
import {
  blocksOf,
  type DigestRig,
  digestOf,
  localTime,
  postsTo,
  seedChurned,
  startDigestRig,
  textsOf,
  tick,
  tsOf,
} from './digest-rig.ts';

const zone = 'Europe/Berlin';
const at = (wallClock: string) => localTime(wallClock, zone);

let rig: DigestRig;
beforeAll(async () => {
  rig = await startDigestRig();
});

describe('a quiet day: no high-value churn and no open failed payment', () => {
  it('WINBACK_DIGEST_QUIET=note posts one short message saying nothing is new, with nothing to claim', async () => {
    const channel = 'C0QUIETNO1';
    const deps = rig.deps({ WINBACK_DIGEST_CHANNELS: `${channel}@08:30@${zone}`, WINBACK_DIGEST_QUIET: 'note' });
    await tick(deps, at('2026-02-02T08:30'));
    await tick(deps, at('2026-02-02T12:00'));

    const posts = postsTo(rig.slack, channel);
    expect(posts).toHaveLength(1);
    const blocks = blocksOf(posts[0]);
    expect(textsOf(blocks).at(-1)).toMatch(/^Nothing new since the last digest/);
    expect(blocks.filter((block) => block.type === 'actions')).toEqual([]);
    expect(String(posts[0]?.args.text)).toContain('Nothing new since the last digest');
    expect(await digestOf(rig.db.prisma, channel, '2026-02-02')).toMatchObject({
      status: 'posted',
      messageTs: tsOf(posts[0]),
      itemCount: 0,
      items: [],
    });
  });

  it('churn below the high-value rule is still quiet: counted in the header, no line', async () => {
    const channel = 'C0QUIETNO2';
    await seedChurned(rig.db.prisma, at('2026-02-03T07:00'), { paretoPriority: false });
    const deps = rig.deps({ WINBACK_DIGEST_CHANNELS: `${channel}@08:30@${zone}` });
    await tick(deps, at('2026-02-03T08:30'));

    const [post] = postsTo(rig.slack, channel);
    expect(textsOf(blocksOf(post))[1]).toMatch(/^\*1\* newly churned/);
    expect(blocksOf(post).filter((block) => block.type === 'actions')).toEqual([]);
    expect(await digestOf(rig.db.prisma, channel, '2026-02-03')).toMatchObject({ status: 'posted', itemCount: 0 });
  });

  it('WINBACK_DIGEST_QUIET=skip posts nothing but records the day, so the next digest starts where it ended', async () => {
    const channel = 'C0QUIETSK1';
    const deps = rig.deps({ WINBACK_DIGEST_CHANNELS: `${channel}@08:30@${zone}`, WINBACK_DIGEST_QUIET: 'skip' });
    // The first digest of a channel shows everything churned so far; let it pass, then a quiet day.
    await tick(deps, at('2026-02-09T08:30'));
    const before = postsTo(rig.slack, channel).length;

    await tick(deps, at('2026-02-10T08:30'));
    await tick(deps, at('2026-02-10T17:00'));
    expect(postsTo(rig.slack, channel)).toHaveLength(before);
    const skipped = await digestOf(rig.db.prisma, channel, '2026-02-10');
    expect(skipped).toMatchObject({ status: 'posted', messageTs: null, itemCount: 0, items: [] });
    expect(skipped?.periodEnd).toEqual(at('2026-02-10T08:30'));
    expect(skipped?.postedAt).toEqual(at('2026-02-10T08:30'));

    const account = await seedChurned(rig.db.prisma, at('2026-02-10T09:00'));
    await tick(deps, at('2026-02-11T08:30'));
    expect(postsTo(rig.slack, channel)).toHaveLength(before + 1);
    const next = await digestOf(rig.db.prisma, channel, '2026-02-11');
    expect(next?.periodStart).toEqual(skipped?.periodEnd);
    expect(next?.items.map((item) => item.accountId)).toEqual([account.id]);
  });
});
