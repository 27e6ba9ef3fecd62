import { beforeAll, describe, expect, it } from 'vitest';
import { seedChurned } from '../../accounts/seed-account.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { channelNotDueYet, MANAGER, MEMBER, sendCommand, textsOf } from './command-session.ts';

const CHANNEL = 'C0DIGEST01';
const USAGE =
  "Usage:\n• `/winback digest now` — post today's digest now (managers)\n" +
  "• `/winback digest preview` — see today's digest, only you";
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ WINBACK_MANAGERS: MANAGER, WINBACK_DIGEST_CHANNELS: channelNotDueYet(CHANNEL) });
  await seedChurned(app.db.prisma, { company: '<!channel> & Co', clvMinor: 80_000 });
  await seedChurned(app.db.prisma, { company: 'Initech', clvMinor: 50_000 });
});

const digestRows = () => app.db.prisma.digest.count();

describe('/winback digest now', () => {
  it('refuses someone who is not a manager, and posts and stores nothing', async () => {
    const reply = await sendCommand(app, 'digest now', MEMBER);

    expect(reply).toMatchObject({
      response_type: 'ephemeral',
      text: 'Only managers can post the digest on demand. `/winback digest preview` shows it to you alone.',
    });
    expect(app.slack.callsTo('chat.postMessage')).toEqual([]);
    expect(await digestRows()).toBe(0);
  });

  it('says what Slack answered when the post fails, and leaves the day open for another try', async () => {
    app.slack.respondNext('chat.postMessage', 'channel_not_found');

    const reply = await sendCommand(app, 'digest now', MANAGER);

    expect(reply.text).toBe(
      `Today's digest could not be posted in <#${CHANNEL}> (Slack said channel_not_found). Try again in a while.`,
    );
    expect(await app.db.prisma.digest.findFirst()).toMatchObject({ status: 'failed' });
  });

  it("posts today's digest in each digest channel for a manager, names escaped", async () => {
    const posts = app.slack.callsTo('chat.postMessage').length;

    const reply = await sendCommand(app, 'digest now', MANAGER);

    expect(reply.text).toBe(`Posted today's digest in <#${CHANNEL}> (2 lines).`);
    const [post] = app.slack.callsTo('chat.postMessage').slice(posts);
    expect(post?.args.channel).toBe(CHANNEL);
    expect(JSON.stringify(post?.args.blocks)).toContain('&lt;!channel&gt; &amp; Co');
    expect(JSON.stringify(post?.args)).not.toContain('<!channel>');
    expect(await app.db.prisma.digest.findFirst()).toMatchObject({ status: 'posted', itemCount: 2 });
  });

  it('says it already went out, and posts nothing, the second time', async () => {
    const posts = app.slack.callsTo('chat.postMessage').length;
    const reply = await sendCommand(app, 'digest now', MANAGER);
    expect(reply.text).toBe(`Today's digest already went out in <#${CHANNEL}>.`);
    expect(app.slack.callsTo('chat.postMessage')).toHaveLength(posts);
  });
});

describe('/winback digest preview', () => {
  it("shows anyone today's digest, only to them, and stores nothing", async () => {
    const rows = await digestRows();
    const posts = app.slack.callsTo('chat.postMessage').length;
    await seedChurned(app.db.prisma, { company: 'Newly Gone', clvMinor: 10_000 });

    const reply = await sendCommand(app, 'digest preview', MEMBER);

    expect(reply.response_type).toBe('ephemeral');
    const texts = textsOf(reply.blocks);
    expect(texts[0]).toBe('Preview: only you see this, and nothing was posted or stored.');
    expect(texts[1]).toMatch(/^Win-back digest · \w+day \d+ \w+ \d{4}$/);
    // Today's digest as it would post now: the same period as the one posted today, with what churned since.
    const items = texts.filter((text) => /^\*[^*]+\* · lost MRR/.test(text)).map((text) => text.split('\n')[0]);
    expect(items).toEqual([
      '*&lt;!channel&gt; &amp; Co* · lost MRR $100.00 · CLV $800.00',
      '*Initech* · lost MRR $100.00 · CLV $500.00',
      '*Newly Gone* · lost MRR $100.00 · CLV $100.00',
    ]);
    expect(await digestRows()).toBe(rows);
    expect(app.slack.callsTo('chat.postMessage')).toHaveLength(posts);
  });
});

describe('/winback digest with bad arguments', () => {
  it.each([
    ['digest', '`digest` needs `now` or `preview`.'],
    ['digest later', '`digest` takes `now` or `preview`, not `later`.'],
    ['digest now please', '`digest` takes `now` or `preview`, not `now please`.'],
  ])('answers %s with what was wrong and the usage of digest', async (text, problem) => {
    const reply = await sendCommand(app, text, MANAGER);
    expect(reply.text).toBe(`Sorry, ${problem}\n${USAGE}`);
  });
});
