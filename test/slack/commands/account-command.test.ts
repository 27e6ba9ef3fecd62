import { beforeAll, describe, expect, it } from 'vitest';
import { seedAccount, seedChurned, seedClaim } from '../../accounts/seed-account.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { type Block, clickButton, MEMBER, nextCall, sendCommand, textsOf, waitFor } from './command-session.ts';

let app: TestApp;
const ids: Record<string, string> = {};
const HOSTILE = '<!channel> & Co';
const ESCAPED = '&lt;!channel&gt; &amp; Co';

beforeAll(async () => {
  app = await startTestApp();
  const prisma = app.db.prisma;
  const acme = await seedChurned(prisma, {
    company: 'Acme Corporation',
    externalId: 'cus_ACME1',
    email: 'ops@acme.example',
    clvMinor: 1_250_000,
    lostMrrMinor: 49_900,
    tenureMonths: 14,
    rfmSegment: 'cant_lose_them',
    churnReason: 'price',
    churnReasonText: 'Too expensive <b>for</b> us',
  });
  ids.acme = acme.id;
  await prisma.paymentFailure.create({
    data: {
      accountId: acme.id,
      source: 'test',
      invoiceId: 'in_acme',
      amountMinor: 49_900,
      currency: 'USD',
      declineCode: 'insufficient_funds',
      attemptCount: 2,
      nextRetryAt: new Date('2026-12-05T10:00:00Z'),
      failedAt: new Date('2026-12-01T10:00:00Z'),
    },
  });
  await prisma.feedback.create({
    data: {
      accountId: acme.id,
      authorSlackId: MEMBER,
      reason: 'competitor',
      details: 'Moved to <@U0RIVAL01>',
      source: 'call',
      createdAt: new Date('2026-12-02T09:00:00Z'),
    },
  });
  const released = await seedClaim(prisma, acme.id, 'U0FORMER01', 10);
  await prisma.claim.update({ where: { id: released.id }, data: { activeAccountId: null, releasedAt: new Date() } });
  await seedClaim(prisma, acme.id, MEMBER, 2);

  ids.acmeLabs = (await seedChurned(prisma, { company: 'Acme Labs', clvMinor: 90_000 })).id;
  ids.globex = (await seedAccount(prisma, { company: 'Globex', mrrMinor: 2000 })).id;
  ids.hostile = (await seedChurned(prisma, { company: HOSTILE, externalId: 'cus_HOSTILE', clvMinor: 10 })).id;
});

describe('/winback account', () => {
  it('shows the card of an exact billing id: figures, reason, failure, feedback and claims', async () => {
    const reply = await sendCommand(app, 'account cus_acme1');

    expect(reply.response_type).toBe('ephemeral');
    expect(textsOf(reply.blocks)).toEqual([
      '*Acme Corporation*',
      '*Status*\nchurned',
      '*Lost MRR*\n$499.00',
      '*CLV*\n$12,500.00',
      '*Tenure*\n14 months',
      "*Segment*\nCan't lose them",
      `*Owner*\n<@${MEMBER}>`,
      '*Why they left*\nprice: “Too expensive &lt;b&gt;for&lt;/b&gt; us”',
      '*Open payment failure*\n$499.00 · attempt 2 · decline: insufficient_funds · next retry 2026-12-05',
      `*Last feedback*\nmoved to a competitor · “Moved to &lt;@U0RIVAL01&gt;” · <@${MEMBER}>, 2026-12-02`,
      'Billing id `cus_ACME1` · 2 claims so far',
    ]);
  });

  it('finds the account by email, by part of its name and despite a typo', async () => {
    for (const reference of ['OPS@acme.example', 'corporation', 'Acme Corporaton']) {
      const reply = await sendCommand(app, `account ${reference}`);
      expect(textsOf(reply.blocks)[0]).toBe('*Acme Corporation*');
    }
    const typo = await sendCommand(app, 'account Glbex');
    expect(textsOf(typo.blocks)[0]).toBe('*Globex*');
  });

  it('says reason unknown, no failure and no feedback, and how to claim, for a bare account', async () => {
    const reply = await sendCommand(app, 'account globex');
    expect(textsOf(reply.blocks)).toEqual(
      expect.arrayContaining([
        '*Status*\nactive',
        '*MRR*\n$20.00',
        '*CLV*\nnot scored',
        '*Tenure*\nunknown',
        '*Segment*\nnot scored',
        '*Owner*\nUnclaimed',
        '*Why they left*\nunknown',
        '*Open payment failure*\nNone',
        '*Last feedback*\nNone yet',
      ]),
    );
    expect(textsOf(reply.blocks).at(-1)).toMatch(
      /^Billing id `cus_\w+` · 0 claims so far · claim it: `\/winback claim cus_\w+`$/,
    );
  });

  it('offers the accounts that match several as buttons that open them', async () => {
    const reply = await sendCommand(app, 'account acme');

    expect(textsOf(reply.blocks)).toEqual([
      'Several accounts match `acme`. Which one do you mean?',
      '*Acme Corporation* · churned · lost MRR $499.00 · CLV $12,500.00 · failed payment $499.00 · ' +
        `segment Can't lose them · Owner: <@${MEMBER}>`,
      '*Acme Labs* · churned · lost MRR $100.00 · CLV $900.00 · segment Need attention · Unclaimed',
    ]);
    const buttons = (reply.blocks ?? []).flatMap((block) => (block.accessory ? [block.accessory] : []));
    expect(buttons).toEqual([
      expect.objectContaining({ action_id: 'account_details', value: ids.acme }),
      expect.objectContaining({ action_id: 'account_details', value: ids.acmeLabs }),
    ]);
  });

  it('says so when nothing matches', async () => {
    const reply = await sendCommand(app, 'account wayne enterprises');
    expect(reply.text).toBe(
      'No account matches `wayne enterprises`. Try part of the company name, an email or a billing id.',
    );
  });

  it('answers a missing or overlong reference with the usage of account', async () => {
    const usage = "Usage:\n• `/winback account <name|email|id>` — an account's card";
    expect((await sendCommand(app, 'account')).text).toBe(
      `Sorry, \`account\` needs an account: a name, an email or an id.\n${usage}`,
    );
    expect((await sendCommand(app, `account ${'x'.repeat(201)}`)).text).toBe(
      `Sorry, that is too long for an account's name, email or id (200 characters at most).\n${usage}`,
    );
  });

  it('escapes a hostile company name on the card, in lists and among the choices', async () => {
    const card = await sendCommand(app, 'account <!channel>');
    expect(textsOf(card.blocks)[0]).toBe(`*${ESCAPED}*`);
    expect(JSON.stringify(card)).not.toContain('<!channel>');

    const list = await sendCommand(app, 'list');
    expect(textsOf(list.blocks)).toContain(
      `*${ESCAPED}* · churned · lost MRR $100.00 · CLV $0.10 · segment Need attention · Unclaimed`,
    );
    expect(JSON.stringify(list)).not.toContain('<!channel>');

    const choices = await sendCommand(app, 'account co');
    expect(textsOf(choices.blocks).join('\n')).toContain(`*${ESCAPED}* · churned`);
    expect(JSON.stringify(choices)).not.toContain('<!channel>');
  });
});

describe('the Details button', () => {
  const openedView = async (fields: Parameters<typeof clickButton>[1]) => {
    const before = app.slack.callsTo('views.open').length;
    await clickButton(app, { actionId: 'account_details', userId: MEMBER, ...fields });
    return (await nextCall(app, 'views.open', before)).args;
  };

  it('opens the account card in a modal with its trigger', async () => {
    const args = await openedView({ value: ids.hostile ?? '', triggerId: '111.222.details' });

    expect(args.trigger_id).toBe('111.222.details');
    const view = args.view as { type: string; title: { text: string }; blocks: Block[] };
    expect(view.type).toBe('modal');
    expect(view.title.text).toBe('Account details');
    expect(textsOf(view.blocks)[0]).toBe(`*${ESCAPED}*`);
    expect(JSON.stringify(view)).not.toContain('<!channel>');
    const [call] = app.slack.callsTo('views.open').slice(-1);
    expect(call?.response).toMatchObject({ ok: true });
  });

  it('says the account is gone, in the conversation, when it was removed', async () => {
    const gone = await seedAccount(app.db.prisma, { company: 'Gone Inc' });
    await app.db.prisma.account.delete({ where: { id: gone.id } });

    const responseUrl = await clickButton(app, { actionId: 'account_details', userId: MEMBER, value: gone.id });

    const post = await waitFor(() => app.slack.postsTo(responseUrl)[0] as { text: string } | undefined, 'a reply');
    expect(post).toMatchObject({
      response_type: 'ephemeral',
      text: 'That account is no longer in winback; it may have been removed.',
    });
  });

  it('says the account is gone in a modal when clicked on the Home tab, which has no conversation', async () => {
    const gone = await seedAccount(app.db.prisma, { company: 'Gone Too' });
    await app.db.prisma.account.delete({ where: { id: gone.id } });

    const args = await openedView({
      value: gone.id,
      responseUrl: '',
      container: { type: 'view', view_id: 'V0HOME' },
    });

    const view = args.view as { title: { text: string }; blocks: Block[] };
    expect(view.title.text).toBe('winback');
    expect(textsOf(view.blocks)).toEqual(['That account is no longer in winback; it may have been removed.']);
  });
});
