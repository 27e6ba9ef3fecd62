import { beforeAll, describe, expect, it } from 'vitest';
import { claimAccount } from '../../src/claims/claim-account.ts';
import { displayNameOf } from '../../src/digest/display-name.ts';
import { refreshDigestMessages } from '../../src/digest/refresh-digest-messages.ts';
import { alreadyClaimedMessage } from '../../src/slack/blocks/claim-blocks.ts';
import { plainTextOf } from '../../src/slack/blocks/plain-text.ts';
import {
  blocksOf,
  type DigestRig,
  digestOf,
  localTime,
  logger,
  postsTo,
  seedChurned,
  slackClient,
  startDigestRig,
  tick,
} from './digest-rig.ts';

const zone = 'Europe/Berlin';
const channel = 'C0ESCAPE01';

// A lone UTF-16 surrogate: half an emoji. Node's querystring, which WebClient form-encodes with, fuses it with the
// next character (half a rocket and "…" become a bird) or, at the very end, refuses to encode it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const hostile = [
  { company: '<!channel> & Co', shown: '&lt;!channel&gt; &amp; Co' },
  { company: '<@U123>', shown: '&lt;@U123&gt;' },
  { company: '<!here|here> <#C0GENERAL1>', shown: '&lt;!here|here&gt; &lt;#C0GENERAL1&gt;' },
  { company: '<https://evil.example|Click to claim>', shown: '&lt;https://evil.example|Click to claim&gt;' },
  { company: '*bold* _italic_ ~strike~', shown: '*bold* _italic_ ~strike~' },
  { company: 'Café Ünïcødé 🚀', shown: 'Café Ünïcødé 🚀' },
  { company: '&amp; already escaped', shown: '&amp;amp; already escaped' },
];
// 118 letters then rockets: the 120-character cut falls inside the first rocket's surrogate pair.
const longEmojiName = `${'Ω'.repeat(118)}🚀🚀🚀`;

let rig: DigestRig;
const ids = new Map<string, string>();
beforeAll(async () => {
  rig = await startDigestRig();
  const seen = localTime('2026-07-06T07:00', zone);
  for (const [i, { company }] of [...hostile, { company: longEmojiName }].entries()) {
    const account = await seedChurned(rig.db.prisma, seen, { company, clvMinor: 10_000_00 - i });
    ids.set(company, account.id);
  }
});

const noRawControl = (text: string) => {
  expect(text).not.toMatch(/<!(channel|here|everyone)/);
  expect(text).not.toContain('<@U123>');
  expect(text).not.toContain('<#C0GENERAL1>');
  expect(text).not.toContain('<https://evil.example');
};

describe('account names from billing data are shown as text, never as Slack controls', () => {
  it('the digest escapes <, > and & in names, keeps formatting characters and Unicode as given', async () => {
    const deps = rig.deps({ WINBACK_DIGEST_CHANNELS: `${channel}@08:30@${zone}`, WINBACK_ESCALATE_AFTER_HOURS: '1' });
    await tick(deps, localTime('2026-07-06T08:30', zone));

    const [post] = postsTo(rig.slack, channel);
    expect(post).toBeDefined();
    const blocks = JSON.stringify(blocksOf(post));
    const text = String(post?.args.text);
    for (const surface of [blocks, text]) noRawControl(surface);
    for (const { shown } of hostile) {
      expect(text).toContain(`*${shown}*`);
      expect(blocks).toContain(JSON.stringify(`*${shown}*`).slice(1, -1));
    }
    expect(await digestOf(rig.db.prisma, channel, '2026-07-06')).toMatchObject({ status: 'posted', itemCount: 8 });
  });

  it('a name cut to 120 characters is cut between characters, not inside an emoji', async () => {
    const name = displayNameOf({ company: longEmojiName, name: null, contactName: null, externalId: 'x' });
    expect(name).toBe(`${'Ω'.repeat(118)}…`);
    expect(name).not.toMatch(LONE_SURROGATE);

    const [post] = postsTo(rig.slack, channel);
    expect(String(post?.args.text)).toContain(`*${name}*`);
  });

  it('the re-rendered digest after a claim, and the escalation reply, escape names the same way', async () => {
    const deps = rig.deps({ WINBACK_DIGEST_CHANNELS: `${channel}@08:30@${zone}`, WINBACK_ESCALATE_AFTER_HOURS: '1' });
    const claimed = ids.get('<!channel> & Co') ?? '';
    await claimAccount(rig.db.prisma, claimed, 'U0OWNER001');
    await refreshDigestMessages(rig.db.prisma, slackClient(rig.slack), claimed, logger);
    // 10:00 on the same Monday: an hour and a half of working time, so the unclaimed ones escalate.
    await tick(deps, localTime('2026-07-06T10:00', zone));

    const [update] = rig.slack.callsTo('chat.update');
    expect(update?.response.ok).toBe(true);
    noRawControl(JSON.stringify(blocksOf(update)));
    noRawControl(String(update?.args.text));
    expect(JSON.stringify(blocksOf(update))).toContain('&lt;!channel&gt; &amp; Co* · lost MRR');
    expect(JSON.stringify(blocksOf(update))).toContain('Owner: <@U0OWNER001>');

    const escalations = postsTo(rig.slack, channel).filter((call) => call.args.thread_ts !== undefined);
    expect(escalations).toHaveLength(7);
    for (const escalation of escalations) noRawControl(String(escalation.args.text));
    expect(escalations.map((call) => call.args.text)).toContain(
      'Managers: *&lt;@U123&gt;* is still unclaimed after 1 working hour.',
    );
  });

  it('the "already claimed" reply escapes the name too', () => {
    const message = alreadyClaimedMessage(
      { status: 'claimed_by_other', accountId: 'a', displayName: '<!channel> & Co', ownerSlackId: 'U0OWNER001' },
      false,
    );
    expect(message.text).toBe('*&lt;!channel&gt; &amp; Co* is already claimed by <@U0OWNER001>.');
    noRawControl(JSON.stringify(message.blocks));
  });
});

describe('plainTextOf: the notification text of a message, at most 3,000 characters', () => {
  const section = (text: string) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text } });

  it.each([
    { what: 'short text is kept whole', text: 'Café 🚀', expected: 'Café 🚀' },
    { what: 'exactly 3,000 characters is kept whole', text: 'a'.repeat(3000), expected: 'a'.repeat(3000) },
    { what: 'longer text is cut with an ellipsis', text: 'a'.repeat(3001), expected: `${'a'.repeat(2999)}…` },
    {
      what: 'an emoji across the cut is dropped whole, not halved',
      text: `${'a'.repeat(2998)}🚀🚀`,
      expected: `${'a'.repeat(2998)}…`,
    },
  ])('$what', ({ text, expected }) => {
    const plain = plainTextOf([section(text)]);
    expect(plain).toBe(expected);
    expect(plain).not.toMatch(LONE_SURROGATE);
  });
});
