import { beforeAll, describe, expect, it } from 'vitest';
import { seedAccount, seedChurned, seedClaim, seedOffer } from '../../accounts/seed-account.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { MEMBER, OTHER_MEMBER, sendCommand, textsOf } from './command-session.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  const prisma = app.db.prisma;
  const fresh = await seedChurned(prisma, { company: 'Fresh Lead' });
  await seedClaim(prisma, fresh.id, MEMBER, 0);

  const heard = await seedChurned(prisma, { company: '<!channel> & Co' });
  await seedClaim(prisma, heard.id, MEMBER, 3);
  await prisma.feedback.create({
    data: { accountId: heard.id, authorSlackId: MEMBER, reason: 'price', source: 'call' },
  });

  const offered = await seedChurned(prisma, { company: 'Offered Ltd' });
  await seedClaim(prisma, offered.id, MEMBER, 5);
  await prisma.feedback.create({
    data: { accountId: offered.id, authorSlackId: MEMBER, reason: 'price', source: 'survey' },
  });
  await seedOffer(prisma, offered.id, 'approved');

  const pastDue = await seedAccount(prisma, { company: 'Late Payer', status: 'past_due' });
  await seedClaim(prisma, pastDue.id, MEMBER, 1);
  await prisma.paymentFailure.create({
    data: {
      accountId: pastDue.id,
      source: 'test',
      invoiceId: 'in_1',
      amountMinor: 900,
      currency: 'USD',
      failedAt: new Date(),
    },
  });

  const theirs = await seedChurned(prisma, { company: 'Not Mine' });
  await seedClaim(prisma, theirs.id, OTHER_MEMBER, 1);
});

describe('/winback mine', () => {
  it('lists your claims, longest claimed first, with their age and next step', async () => {
    const reply = await sendCommand(app, 'mine');

    expect(reply.response_type).toBe('ephemeral');
    expect(textsOf(reply.blocks)).toEqual([
      '*Your accounts*, longest claimed first (4)',
      '*Offered Ltd* · claimed 5 days ago\nNext: Send the email',
      '*&lt;!channel&gt; &amp; Co* · claimed 3 days ago\nNext: Propose an offer',
      '*Late Payer* · claimed 1 day ago\nNext: Help them fix the failed payment',
      '*Fresh Lead* · claimed just now\nNext: Log why they left',
    ]);
    expect(JSON.stringify(reply)).not.toContain('<!channel>');
    const buttons = (reply.blocks ?? []).flatMap((block) => (block.accessory ? [block.accessory.action_id] : []));
    expect(buttons).toEqual(['account_details', 'account_details', 'account_details', 'account_details']);
  });

  it('says how to find work when you own nothing', async () => {
    const reply = await sendCommand(app, 'mine', 'U0NOBODY01');
    expect(reply.text).toBe('You have no claimed accounts. `/winback list unclaimed` shows who is waiting.');
  });

  it('answers words after it with the usage of mine', async () => {
    const reply = await sendCommand(app, 'mine please');
    expect(reply.text).toBe(
      'Sorry, `mine` takes nothing after it, not `please`.\n' +
        'Usage:\n• `/winback mine` — the accounts you own, with what to do next',
    );
  });
});
