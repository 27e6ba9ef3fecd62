import type { KnownBlock } from '@slack/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { type EphemeralReply, replyTo } from '../claims/claim-rig.ts';
import { textsOf } from '../digest/digest-rig.ts';
import { MEMBER, seedAccount, send, startOfferApp } from '../offers/offer-rig.ts';
import { slashCommand } from '../support/slack-requests.ts';
import type { TestApp } from '../support/test-app.ts';

let app: TestApp;
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

beforeAll(async () => {
  app = await startOfferApp();
  const churned = (days: number, fields: Parameters<typeof seedAccount>[1]) =>
    seedAccount(app, { churnedAt: daysAgo(days), churnSeenAt: daysAgo(days), ...fields });

  // Price: 2 accounts, $150.00. Competitor: 1 account, $400.00, the most valuable. Unknown: 1, $10.00.
  await churned(5, { churnReason: 'price', lostMrrMinor: 100_00 });
  await churned(20, { churnReason: 'price', lostMrrMinor: 50_00 });
  const rival = await churned(10, { churnReason: 'competitor', lostMrrMinor: 400_00 });
  await churned(40, { churnReason: null, lostMrrMinor: 10_00 });
  // Outside 30 days but inside 90.
  const sso = await churned(60, { churnReason: 'missing_feature', lostMrrMinor: 70_00 });
  const other = await churned(3, { churnReason: 'missing_feature', lostMrrMinor: 20_00 });

  const feedback = (accountId: string, fields: { requestedFeature?: string; competitor?: string }, days = 1) =>
    app.db.prisma.feedback.create({
      data: { accountId, authorSlackId: MEMBER, source: 'call', reason: 'other', createdAt: daysAgo(days), ...fields },
    });
  await feedback(rival.id, { competitor: 'Rival & Co' });
  // Named twice by one account, in different case: counted once.
  await feedback(other.id, { requestedFeature: 'SSO' });
  await feedback(other.id, { requestedFeature: ' sso ' });
  await feedback(sso.id, { requestedFeature: 'Audit log' });
  await feedback(sso.id, { requestedFeature: 'Dark mode' }, 100);
});

async function reasons(text: string): Promise<EphemeralReply> {
  const responseUrl = app.slack.responseUrl();
  await send(app, slashCommand({ text, user_id: MEMBER, response_url: responseUrl }));
  return replyTo(app, responseUrl);
}

const linesOf = (reply: EphemeralReply) => textsOf((reply.blocks ?? []) as KnownBlock[]);

describe('/winback reasons', () => {
  it('counts the last 90 days unless told: reasons, features and competitors, most valuable first', async () => {
    const reply = await reasons('reasons');
    expect(reply.response_type).toBe('ephemeral');
    const lines = linesOf(reply);

    expect(lines[0]).toBe('Churn reasons · the last 90 days');
    expect(lines[1]).toMatch(/ · 6 accounts churned, \$650\.00 MRR lost · most valuable first$/);
    expect(lines[2]).toBe(
      [
        '• *Moved to a competitor* — 1 account, $400.00 MRR lost',
        '• *Price* — 2 accounts, $150.00 MRR lost',
        '• *Missing feature* — 2 accounts, $90.00 MRR lost',
        '• *Unknown* — 1 account, $10.00 MRR lost',
      ].join('\n'),
    );
    expect(lines[3]).toBe(
      [
        '*Features they asked for*',
        '• Audit log — 1 account, $70.00 MRR lost',
        '• SSO — 1 account, $20.00 MRR lost',
      ].join('\n'),
    );
    expect(lines[4]).toBe('*Competitors they moved to*\n• Rival &amp; Co — 1 account, $400.00 MRR lost');
  });

  it('takes a period such as 30d', async () => {
    const lines = linesOf(await reasons('reasons 30d'));
    expect(lines[0]).toBe('Churn reasons · the last 30 days');
    expect(lines[1]).toContain('4 accounts churned, $570.00 MRR lost');
  });

  it('says what it cannot read as a period, and how to write one', async () => {
    const reply = await reasons('reasons <!channel>');
    expect(reply.text).toContain("Sorry, I can't read `&lt;!channel&gt;` as a period. Try `30d`");
    expect(reply.text).toContain('`/winback reasons [period]`');
  });

  it('says when nothing churned in the period', async () => {
    const lines = linesOf(await reasons('reasons 2020'));
    expect(lines[2]).toBe('No account churned in that period.');
  });
});
