import { beforeAll, describe, expect, it } from 'vitest';
import { seedChurned, seedClaim, seedOffer } from '../../accounts/seed-account.ts';
import { appHomeOpened, sendToBolt } from '../../support/slack-requests.ts';
import { SIGNING_SECRET, startTestApp, type TestApp } from '../../support/test-app.ts';
import { type Block, MANAGER, MEMBER, nextCall, OTHER_MEMBER, openHome, textsOf } from '../commands/command-session.ts';

let app: TestApp;
const BUSY = 'U0BUSY0001';

beforeAll(async () => {
  app = await startTestApp({ WINBACK_MANAGERS: MANAGER });
  const prisma = app.db.prisma;
  const hostile = await seedChurned(prisma, { company: '<!channel> & Co' });
  await seedClaim(prisma, hostile.id, MEMBER, 3);
  const heard = await seedChurned(prisma, { company: 'Heard Inc' });
  await seedClaim(prisma, heard.id, MEMBER, 1);
  await prisma.feedback.create({
    data: { accountId: heard.id, authorSlackId: MEMBER, reason: 'support', source: 'chat' },
  });
  await seedClaim(prisma, (await seedChurned(prisma, { company: 'Theirs' })).id, OTHER_MEMBER, 2);

  // Unclaimed: two high-value churned accounts, and one that is not high-value.
  await seedChurned(prisma, { company: 'Waiting One' });
  await seedChurned(prisma, { company: 'Waiting Two' });
  await seedChurned(prisma, { company: 'Small Fry', paretoPriority: false });
});

describe('the Home tab of a member', () => {
  it('shows their claims with age and next step, and what waits unclaimed, nothing for managers', async () => {
    const view = await openHome(app, MEMBER);

    expect(view.type).toBe('home');
    expect(textsOf(view.blocks)).toEqual([
      'Your accounts',
      '*&lt;!channel&gt; &amp; Co* · claimed 3 days ago\nNext: Log why they left',
      '*Heard Inc* · claimed 1 day ago\nNext: Propose an offer',
      '*2* high-value churned accounts wait unclaimed: `/winback list unclaimed` shows them.',
    ]);
    expect(JSON.stringify(view)).not.toContain('<!channel>');
    const [call] = app.slack.callsTo('views.publish').slice(-1);
    expect(call?.args.user_id).toBe(MEMBER);
    expect(call?.response).toMatchObject({ ok: true });
  });

  it('says how to find work when they own nothing', async () => {
    const view = await openHome(app, 'U0NOBODY01');
    expect(textsOf(view.blocks)[1]).toBe(
      'You have no claimed accounts. `/winback list unclaimed` shows who is waiting.',
    );
  });

  it('stays inside 100 blocks however many accounts they own, and says how many more', async () => {
    for (let i = 0; i < 130; i++) await seedClaim(app.db.prisma, (await seedChurned(app.db.prisma)).id, BUSY, 1);

    const view = await openHome(app, BUSY);

    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(textsOf(view.blocks)).toContain('…and 110 more not shown.');
  });

  it('says it did not work, with a reference, when Slack refuses the Home tab', async () => {
    app.slack.respondNext('views.publish', 'invalid_arguments');
    const before = app.slack.callsTo('views.publish').length;
    await sendToBolt(app.slackEventsUrl, appHomeOpened({ userId: MEMBER }), { signingSecret: SIGNING_SECRET });

    const notice = await nextCall(app, 'views.publish', before + 1);

    expect(textsOf((notice.args.view as { blocks: Block[] }).blocks)).toEqual([
      'Your accounts',
      expect.stringMatching(/^Sorry, that did not work\. .* give an admin this reference: [0-9a-f]{8}\.$/),
    ]);
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    const before = app.slack.callsTo('views.publish').length;
    await sendToBolt(app.slackEventsUrl, appHomeOpened({ userId: MEMBER, tab: 'messages' }), {
      signingSecret: SIGNING_SECRET,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.slack.callsTo('views.publish')).toHaveLength(before);
  });
});

describe('the Home tab of a manager', () => {
  it("adds the offers waiting for approval (none yet) and the team's claims per owner", async () => {
    const view = await openHome(app, MANAGER);

    const texts = textsOf(view.blocks);
    expect(texts.slice(texts.indexOf('Offers waiting for approval'))).toEqual([
      'Offers waiting for approval',
      'No offers waiting.',
      "The team's claims",
      `<@${BUSY}> · 130\n<@${MEMBER}> · 2\n<@${OTHER_MEMBER}> · 1`,
    ]);
  });

  it('lists an offer once it waits for approval, its account name escaped', async () => {
    const hostile = await app.db.prisma.account.findFirstOrThrow({ where: { company: '<!channel> & Co' } });
    await seedOffer(app.db.prisma, hostile.id, 'pending_approval', MEMBER);

    const texts = textsOf((await openHome(app, MANAGER)).blocks);

    expect(texts[texts.indexOf('Offers waiting for approval') + 1]).toBe(
      `*&lt;!channel&gt; &amp; Co* · discount, costs $60.00 · proposed by <@${MEMBER}>`,
    );
  });
});
