import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SeedFields, seedAccount } from '../accounts/seed-account.ts';
import { sendToBolt, slashCommand } from '../support/slack-requests.ts';
import { SIGNING_SECRET, startTestApp, type TestApp } from '../support/test-app.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/winback.js');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  const accounts: SeedFields[] = [
    {
      source: 'test',
      externalId: 'c1',
      company: 'Acme <Corp> & Sons',
      status: 'churned',
      churnReason: 'price',
      mrrMinor: 9900,
      clvMinor: 120_000,
      paretoPriority: true,
      churnSeenAt: new Date(),
    },
    {
      source: 'test',
      externalId: 'c2',
      company: 'Globex',
      status: 'churned',
      churnReason: 'price',
      mrrMinor: 4900,
      clvMinor: 60_000,
      churnSeenAt: new Date(),
    },
    {
      source: 'test',
      externalId: 'c3',
      company: 'Initech',
      status: 'churned',
      churnReason: 'support',
      mrrMinor: 1900,
      churnSeenAt: new Date(),
    },
  ];
  for (const fields of accounts) await seedAccount(app.db.prisma, fields);
});

async function winback(args: string[]) {
  // An empty working directory, so no developer's .env leaks in; the test app's database.
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'winback-segments-'));
  const env = { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), DATABASE_URL: app.db.url };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function command(text: string): Promise<{ response_type: string; text: string; blocks?: unknown[] }> {
  const responseUrl = app.slack.responseUrl();
  await sendToBolt(app.slackEventsUrl, slashCommand({ text, response_url: responseUrl }), {
    signingSecret: SIGNING_SECRET,
  });
  for (let i = 0; i < 200; i++) {
    const [post] = app.slack.postsTo(responseUrl) as { response_type: string; text: string }[];
    if (post) return post;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no reply to /winback ${text}`);
}

describe('winback segments on the command line', () => {
  it('saves a segment and says how big it is now', async () => {
    const result = await winback(['segments', 'add', 'price', '--reason', 'price', '--description', 'Left over price']);

    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toBe('Saved segment price: 2 accounts now, $148.00 lost MRR.\n');
  });

  it('lists the saved segments with accounts and lost MRR', async () => {
    await winback(['segments', 'add', 'valuable', '--clv-at-least', '100000']);

    const result = await winback(['segments']);

    expect(result.stdout).toBe(
      [
        'Segment   Accounts        Lost MRR',
        'price            2         $148.00  Left over price',
        'valuable         1          $99.00',
        'Note: 1 account(s) are not scored yet, so a criterion on CLV or RFM segment leaves them out. ' +
          '`npx winback score` scores them now; a running winback does it within a minute.',
        '',
      ].join('\n'),
    );
  });

  it('refuses a bad definition with exit 2, every problem named, and saves nothing', async () => {
    const result = await winback(['segments', 'add', 'Bad Name', '--reason', 'cheap', '--churned-after', 'yesterday']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      [
        'NAME: expected lowercase letters, digits, - and _ (at most 40), e.g. price-q4, got "Bad Name"',
        '--reason: "cheap" is not a churn reason; the choices are: price, missing_feature, support, competitor, usability, involuntary, unused, low_quality, other',
        '--churned-after: expected a date as YYYY-MM-DD, e.g. 2026-10-01, got "yesterday"',
      ].join('\n'),
    );
    expect(await app.db.prisma.savedSegment.count()).toBe(2);
  });

  it('refuses a taken name with exit 1 and the reason', async () => {
    const result = await winback(['segments', 'add', 'price', '--plan', 'Pro']);

    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('A segment named "price" exists already; pick another name.');
  });

  it('removes a segment by name, and names the saved ones when the name is unknown', async () => {
    await winback(['segments', 'add', 'short-lived', '--plan', 'Pro']);

    const removed = await winback(['segments', 'remove', 'short-lived']);
    const unknown = await winback(['segments', 'remove', 'short-lived']);

    expect(removed).toMatchObject({ code: 0, stdout: 'Removed segment short-lived.\n' });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('No segment is named "short-lived"; the saved ones are price, valuable.');
    expect(await app.db.prisma.savedSegment.count()).toBe(2);
  });
});

describe('/winback segments and /winback segment NAME', () => {
  it('lists the saved segments, ephemeral, with accounts and lost MRR', async () => {
    const reply = await command('segments');

    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('• `price` · 2 accounts · $148.00 lost MRR — Left over price');
    expect(reply.text).toContain('• `valuable` · 1 account · $99.00 lost MRR');
  });

  it('shows a segment’s most valuable accounts first, names escaped', async () => {
    const reply = await command('segment price');

    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('*Segment `price`* · 2 accounts · $148.00 lost MRR');
    const acme = reply.text.indexOf('*Acme &lt;Corp&gt; &amp; Sons* · churned · lost MRR $99.00 · CLV $1,200.00');
    expect(acme).toBeGreaterThan(0);
    expect(reply.text.indexOf('*Globex*')).toBeGreaterThan(acme);
    expect(reply.blocks?.length).toBeLessThanOrEqual(50);
  });

  it('answers an unknown name with the names there are', async () => {
    const reply = await command('segment <!channel>');

    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe('There is no segment called `&lt;!channel&gt;`. The segments are: `price`, `valuable`.');
  });
});
