import { beforeAll, describe, expect, it } from 'vitest';
import { seedAccount, seedChurned, seedClaim } from '../../accounts/seed-account.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { MEMBER, OTHER_MEMBER, sendCommand, textsOf } from './command-session.ts';

let app: TestApp;
const USAGE =
  'Usage:\n• `/winback list [churned|failed|unclaimed|mine] [segment]` — ' +
  'accounts, most valuable first (churned unless you say)';
const SEGMENTS =
  'champions, loyal_customers, potential_loyalists, new_customers, promising, need_attention, ' +
  'about_to_sleep, at_risk, cant_lose_them, hibernating, lost';

beforeAll(async () => {
  app = await startTestApp();
  const prisma = app.db.prisma;
  // 24 churned accounts, CLV $240 down to $10; every third one At risk.
  for (let i = 24; i >= 1; i--) {
    const account = await seedChurned(prisma, {
      company: `Churned ${i}`,
      clvMinor: i * 1000,
      rfmSegment: i % 3 === 0 ? 'at_risk' : 'hibernating',
    });
    if (i === 24) await seedClaim(prisma, account.id, MEMBER);
    if (i === 23) await seedClaim(prisma, account.id, OTHER_MEMBER);
  }
  const pastDue = await seedAccount(prisma, { company: 'Late Payer', status: 'past_due', mrrMinor: 4900 });
  await prisma.paymentFailure.create({
    data: {
      accountId: pastDue.id,
      source: 'test',
      invoiceId: 'in_1',
      amountMinor: 4900,
      currency: 'USD',
      failedAt: new Date(),
    },
  });
  await seedAccount(prisma, { company: 'Happy Customer', status: 'active', clvMinor: 999_999 });
});

const lines = (blocks = [] as Parameters<typeof textsOf>[0]) => (blocks ?? []).filter((block) => block.accessory);

describe('/winback list', () => {
  it('lists churned accounts most valuable first, 20 at most, and says how many more', async () => {
    const reply = await sendCommand(app, 'list');

    expect(reply.response_type).toBe('ephemeral');
    const texts = textsOf(reply.blocks);
    expect(texts[0]).toBe('*Churned accounts*, most valuable first (24 in all)');
    expect(lines(reply.blocks)).toHaveLength(20);
    expect(texts[1]).toBe(
      `*Churned 24* · churned · lost MRR $100.00 · CLV $240.00 · segment At risk · Owner: <@${MEMBER}>`,
    );
    expect(texts[20]).toBe('*Churned 5* · churned · lost MRR $100.00 · CLV $50.00 · segment Hibernating · Unclaimed');
    expect(texts.at(-1)).toBe('…and 4 more not shown. Narrow it with a segment, e.g. `/winback list churned at_risk`.');
    expect(lines(reply.blocks)[0]?.accessory).toMatchObject({ action_id: 'account_details', type: 'button' });
  });

  it('lists only accounts with an open failed payment for failed', async () => {
    const reply = await sendCommand(app, 'list failed');
    expect(textsOf(reply.blocks)).toEqual([
      '*Accounts with a failed payment*, most valuable first (1 in all)',
      '*Late Payer* · past due · MRR $49.00 · failed payment $49.00 · segment not scored · Unclaimed',
    ]);
  });

  it('leaves claimed accounts out of unclaimed', async () => {
    const reply = await sendCommand(app, 'list unclaimed');
    const texts = textsOf(reply.blocks);
    expect(texts[0]).toBe('*Unclaimed accounts, churned or with a failed payment*, most valuable first (23 in all)');
    expect(texts[1]).toMatch(/^\*Churned 22\* /);
    expect(texts.join('\n')).not.toContain('Churned 23*');
  });

  it('lists the accounts you own for mine', async () => {
    const reply = await sendCommand(app, 'list mine');
    expect(textsOf(reply.blocks)).toEqual([
      '*Your accounts*, most valuable first (1 in all)',
      `*Churned 24* · churned · lost MRR $100.00 · CLV $240.00 · segment At risk · Owner: <@${MEMBER}>`,
    ]);
  });

  it('narrows to a segment, given alone or after a filter, however it is spelt', async () => {
    const alone = await sendCommand(app, 'list at-risk');
    expect(textsOf(alone.blocks)[0]).toBe('*Churned accounts* in segment At risk, most valuable first (8 in all)');
    expect(lines(alone.blocks)).toHaveLength(8);

    const afterFilter = await sendCommand(app, 'list unclaimed At_Risk');
    expect(textsOf(afterFilter.blocks)[0]).toBe(
      '*Unclaimed accounts, churned or with a failed payment* in segment At risk, most valuable first (7 in all)',
    );
  });

  it('says so when nothing matches', async () => {
    const reply = await sendCommand(app, 'list mine champions');
    expect(reply.text).toBe('You own no accounts in segment Champions right now.');
  });

  it.each([
    [
      'list someday',
      `\`someday\` is neither a filter (churned, failed, unclaimed or mine) nor a segment (${SEGMENTS}).`,
    ],
    ['list churned <!channel>', `\`&lt;!channel&gt;\` is not a segment. The segments are ${SEGMENTS}.`],
    ['list at_risk churned', '`at_risk` is not a filter: use churned, failed, unclaimed or mine.'],
    ['list churned at_risk now', '`list` takes at most a filter and a segment, not `churned at_risk now`.'],
  ])('answers %s with what was wrong and the usage of list', async (text, problem) => {
    const reply = await sendCommand(app, text);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe(`Sorry, ${problem}\n${USAGE}`);
  });
});
