import { beforeAll, describe, expect, it } from 'vitest';
import { claimAccount } from '../../src/claims/claim-account.ts';
import { refreshDigestMessages } from '../../src/digest/refresh-digest-messages.ts';
import { MESSAGE_LIMITS } from '../../src/slack/blocks/pack-digest-messages.ts';
import {
  blocksOf,
  type DigestRig,
  digestOf,
  itemIdsIn,
  itemKeysIn,
  localTime,
  logger,
  postsTo,
  seedChurned,
  slackClient,
  startDigestRig,
  textsOf,
  tick,
  tsOf,
} from './digest-rig.ts';

const zone = 'Europe/Berlin';
const CHURNED = 64;
const FAILURES = 3;

let rig: DigestRig;
let byValue: string[];
beforeAll(async () => {
  rig = await startDigestRig();
  const seen = localTime('2026-05-04T07:00', zone);
  const accounts = [];
  for (let i = 0; i < CHURNED; i++) {
    // Long names and distinct values: the messages fill up on size as well as on blocks, in a known order.
    const company = `${'Überlange Firmenbezeichnung '.repeat(3)}${String(i).padStart(2, '0')} GmbH & Co. KG`;
    accounts.push(await seedChurned(rig.db.prisma, seen, { company, clvMinor: 100_000_00 - i * 100 }));
  }
  byValue = accounts.map((account) => account.id);
  for (const [i, account] of accounts.slice(0, FAILURES).entries()) {
    await rig.db.prisma.paymentFailure.create({
      data: {
        accountId: account.id,
        source: 'test',
        invoiceId: `in_${account.id}`,
        amountMinor: 99_00,
        currency: 'EUR',
        declineCode: 'insufficient_funds',
        // Newest first in the digest: the first account's failure is the newest.
        failedAt: new Date(seen.getTime() - i * 60_000),
      },
    });
  }
});

describe('a digest too big for one message', () => {
  it(`${CHURNED} churned accounts and ${FAILURES} failures: a first message within Slack's limits, the rest in its thread`, async () => {
    const channel = 'C0OVERFLW1';
    await tick(rig.deps({ WINBACK_DIGEST_CHANNELS: `${channel}@08:30@${zone}` }), localTime('2026-05-04T08:30', zone));

    const posts = postsTo(rig.slack, channel);
    expect(posts.length).toBeGreaterThanOrEqual(3);
    const [first, ...replies] = posts;
    for (const post of posts) {
      expect(blocksOf(post).length).toBeLessThanOrEqual(MESSAGE_LIMITS.maxBlocks);
      expect(JSON.stringify(blocksOf(post)).length).toBeLessThanOrEqual(MESSAGE_LIMITS.maxChars);
    }
    expect(first?.args.thread_ts).toBeUndefined();
    for (const reply of replies) expect(reply.args.thread_ts).toBe(tsOf(first));

    const shown = posts.map((post) => itemIdsIn(blocksOf(post)));
    const inThread = CHURNED + FAILURES - (shown[0]?.length ?? 0);
    expect(textsOf(blocksOf(first)).at(-1)).toBe(`…and ${inThread} more in the thread.`);
    // Every item exactly once, in order: churned by value, then failures.
    expect(shown.flat()).toEqual([...byValue, ...byValue.slice(0, FAILURES)]);

    const digest = await digestOf(rig.db.prisma, channel, '2026-05-04');
    expect(digest).toMatchObject({ status: 'posted', messageTs: tsOf(first), itemCount: CHURNED + FAILURES });
    expect((digest?.summary as { notShown: number }).notShown).toBe(0);
    // Each DigestItem row points at the message that shows it.
    const placed = new Map(
      posts.flatMap((post) => itemKeysIn(blocksOf(post)).map((key) => [key, tsOf(post)] as const)),
    );
    expect(placed.size).toBe(CHURNED + FAILURES);
    for (const item of digest?.items ?? []) expect(item.messageTs).toBe(placed.get(`${item.kind}:${item.accountId}`));
  });

  it('after claims, each message showing the account is re-rendered in place, within the limits', async () => {
    const channel = 'C0OVERFLW1';
    const posts = postsTo(rig.slack, channel);
    const client = slackClient(rig.slack);
    const [first, middle, last] = [posts[0], posts[2], posts.at(-1)];
    // The most valuable account is in the first message (churned) and in the last reply (its failed payment).
    const both = byValue[0] ?? '';
    const inMiddle = itemIdsIn(blocksOf(middle))[0] ?? '';
    expect(itemKeysIn(blocksOf(first))).toContain(`churned:${both}`);
    expect(itemKeysIn(blocksOf(last))).toContain(`failed:${both}`);

    const updatesBefore = rig.slack.callsTo('chat.update').length;
    await claimAccount(rig.db.prisma, both, 'U0OWNER001');
    await refreshDigestMessages(rig.db.prisma, client, both, logger);
    await claimAccount(rig.db.prisma, inMiddle, 'U0OWNER002');
    await refreshDigestMessages(rig.db.prisma, client, inMiddle, logger);

    const updates = rig.slack.callsTo('chat.update').slice(updatesBefore);
    expect(updates.map((update) => update.response.ok)).toEqual([true, true, true]);
    expect(updates.map((update) => update.args.ts).sort()).toEqual([tsOf(first), tsOf(last), tsOf(middle)].sort());
    for (const post of [first, middle, last]) {
      const update = updates.find((candidate) => candidate.args.ts === tsOf(post));
      // Same items, same opening and closing lines; only the owner changed.
      expect(itemKeysIn(blocksOf(update))).toEqual(itemKeysIn(blocksOf(post)));
      expect(textsOf(blocksOf(update))[0]).toBe(textsOf(blocksOf(post))[0]);
      expect(textsOf(blocksOf(update)).at(-1)).toBe(textsOf(blocksOf(post)).at(-1));
      expect(blocksOf(update).length).toBeLessThanOrEqual(MESSAGE_LIMITS.maxBlocks);
      expect(JSON.stringify(blocksOf(update)).length).toBeLessThanOrEqual(MESSAGE_LIMITS.maxChars);
    }
    const updateOf = (post: typeof first) => JSON.stringify(updates.find((update) => update.args.ts === tsOf(post)));
    expect(updateOf(first)).toContain('Owner: <@U0OWNER001>');
    expect(updateOf(last)).toContain('Owner: <@U0OWNER001>');
    expect(updateOf(middle)).toContain('Owner: <@U0OWNER002>');
  });

  it('WINBACK_DIGEST_MAX_ITEMS=25 shows the 25 most valuable and says how many more are not shown', async () => {
    const channel = 'C0CAPPED01';
    const env = { WINBACK_DIGEST_CHANNELS: `${channel}@08:30@${zone}`, WINBACK_DIGEST_MAX_ITEMS: '25' };
    await tick(rig.deps(env), localTime('2026-05-04T08:30', zone));

    const posts = postsTo(rig.slack, channel);
    const shown = posts.flatMap((post) => itemIdsIn(blocksOf(post)));
    expect(shown).toEqual(byValue.slice(0, 25));
    const notShown = CHURNED - 25 + FAILURES;
    const inThread = 25 - itemIdsIn(blocksOf(posts[0])).length;
    const closing = textsOf(blocksOf(posts[0])).at(-1);
    const list = '`/winback list churned` and `/winback list failed` list them.';
    expect(closing).toBe(
      inThread > 0
        ? `…and ${inThread} more in the thread. ${notShown} more not shown here: ${list}`
        : `${notShown} more not shown here: ${list}`,
    );
    const digest = await digestOf(rig.db.prisma, channel, '2026-05-04');
    expect(digest?.items).toHaveLength(25);
    expect(digest?.itemCount).toBe(25);
    expect((digest?.summary as { notShown: number }).notShown).toBe(notShown);
    // The header counts every churned account, shown or not.
    expect(textsOf(blocksOf(posts[0]))[1]).toMatch(new RegExp(`^\\*${CHURNED}\\* newly churned`));
  });
});
