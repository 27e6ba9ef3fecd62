import { beforeAll, describe, expect, it } from 'vitest';
import { seedChurned } from '../../accounts/seed-account.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import {
  type Block,
  channelNotDueYet,
  MANAGER,
  MEMBER,
  nextCall,
  OTHER_MEMBER,
  sendCommand,
  textsOf,
} from './command-session.ts';

const CHANNEL = 'C0DIGEST01';
let app: TestApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp({ WINBACK_MANAGERS: MANAGER, WINBACK_DIGEST_CHANNELS: channelNotDueYet(CHANNEL) });
  const prisma = app.db.prisma;
  ids.initech = (await seedChurned(prisma, { company: 'Initech', externalId: 'cus_INITECH', clvMinor: 50_000 })).id;
  ids.hostile = (await seedChurned(prisma, { company: '<!channel> & Co', clvMinor: 40_000 })).id;
  ids.umbrella = (await seedChurned(prisma, { company: 'Umbrella East', externalId: 'cus_UE', clvMinor: 30_000 })).id;
  ids.umbrellaWest = (
    await seedChurned(prisma, { company: 'Umbrella West', externalId: 'cus_UW', clvMinor: 20_000 })
  ).id;

  const posted = await sendCommand(app, 'digest now', MANAGER);
  expect(posted.text).toBe(`Posted today's digest in <#${CHANNEL}> (4 lines).`);
});

/** The digest's item block of an account, as the last chat.update of the digest message left it. */
const updatedItemText = (call: { args: Record<string, unknown> }, accountId: string) => {
  const blocks = call.args.blocks as Block[];
  return blocks.find((block) => block.block_id === `digest:churned:${accountId}`)?.text?.text;
};

describe('/winback claim', () => {
  it('claims the account the words name and shows the owner on the digest message', async () => {
    const updates = app.slack.callsTo('chat.update').length;

    const reply = await sendCommand(app, 'claim initech');

    expect(reply).toMatchObject({
      response_type: 'ephemeral',
      text: 'You now own *Initech*. Your Home tab shows it with its next step.',
    });
    const update = await nextCall(app, 'chat.update', updates);
    expect(update.args.channel).toBe(CHANNEL);
    expect(update.args.ts).toBe(app.slack.callsTo('chat.postMessage')[0]?.response.ts);
    expect(updatedItemText(update, ids.initech ?? '')).toContain(`Owner: <@${MEMBER}>`);
    const active = await app.db.prisma.claim.findUnique({ where: { activeAccountId: ids.initech } });
    expect(active?.ownerSlackId).toBe(MEMBER);
  });

  it('says you already own it, and changes nothing', async () => {
    const updates = app.slack.callsTo('chat.update').length;
    const reply = await sendCommand(app, 'claim cus_initech');
    expect(reply.text).toBe('You already own *Initech*.');
    expect(app.slack.callsTo('chat.update')).toHaveLength(updates);
  });

  it('says who owns it when someone else does; a manager also gets Release and Reassign', async () => {
    const member = await sendCommand(app, 'claim initech', OTHER_MEMBER);
    expect(member.text).toBe(`*Initech* is already claimed by <@${MEMBER}>.`);
    expect(member.blocks).toHaveLength(1);

    const manager = await sendCommand(app, 'claim initech', MANAGER);
    expect(manager.blocks?.[1]?.elements?.map((element) => element.action_id)).toEqual([
      'release_account',
      'reassign_account',
    ]);
  });

  it('claims nothing when the words name several accounts, and offers them with their billing ids', async () => {
    const reply = await sendCommand(app, 'claim umbrella');

    expect(textsOf(reply.blocks)).toEqual([
      'Several accounts match `umbrella`. Nothing was claimed. Open one, or claim it by its billing id:',
      '*Umbrella East* · churned · lost MRR $100.00 · CLV $300.00 · segment Need attention · Unclaimed\n' +
        '`/winback claim cus_UE`',
      '*Umbrella West* · churned · lost MRR $100.00 · CLV $200.00 · segment Need attention · Unclaimed\n' +
        '`/winback claim cus_UW`',
    ]);
    expect(
      await app.db.prisma.claim.count({ where: { accountId: { in: [ids.umbrella ?? '', ids.umbrellaWest ?? ''] } } }),
    ).toBe(0);
  });

  it('claims a name despite a typo, and escapes a hostile name in the reply', async () => {
    expect((await sendCommand(app, 'claim Umbrela West')).text).toBe(
      'You now own *Umbrella West*. Your Home tab shows it with its next step.',
    );
    expect((await sendCommand(app, 'claim <!channel>')).text).toBe(
      'You now own *&lt;!channel&gt; &amp; Co*. Your Home tab shows it with its next step.',
    );
  });

  it('says so when nothing matches, and answers a missing account with the usage', async () => {
    expect((await sendCommand(app, 'claim wayne')).text).toBe(
      'No account matches `wayne`. Try part of the company name, an email or a billing id.',
    );
    expect((await sendCommand(app, 'claim')).text).toBe(
      'Sorry, `claim` needs an account: a name, an email or an id.\n' +
        'Usage:\n• `/winback claim <account>` — make an account yours',
    );
  });
});

describe('/winback release', () => {
  it('refuses someone who neither owns it nor manages', async () => {
    const reply = await sendCommand(app, 'release initech', OTHER_MEMBER);
    expect(reply.text).toBe(`Only <@${MEMBER}> or a manager can release this account.`);
    expect(await app.db.prisma.claim.count({ where: { activeAccountId: ids.initech } })).toBe(1);
  });

  it('releases the owner’s account and shows it unclaimed on the digest message', async () => {
    const updates = app.slack.callsTo('chat.update').length;

    const reply = await sendCommand(app, 'release initech');

    expect(reply.text).toBe('Released *Initech*: anyone can claim it now.');
    const update = await nextCall(app, 'chat.update', updates);
    expect(updatedItemText(update, ids.initech ?? '')).toContain('Unclaimed');
  });

  it('lets a manager release anyone’s account', async () => {
    const reply = await sendCommand(app, 'release umbrella west', MANAGER);
    expect(reply.text).toBe('Released *Umbrella West*: anyone can claim it now.');
  });

  it('says nobody owns it when nobody does', async () => {
    expect((await sendCommand(app, 'release initech')).text).toBe('Nobody owns *Initech* now.');
  });

  it('offers choices when the words name several, and the usage when they name none', async () => {
    const several = await sendCommand(app, 'release umbrella');
    expect(textsOf(several.blocks)[0]).toBe(
      'Several accounts match `umbrella`. Nothing was released. Open one, or release it by its billing id:',
    );
    expect((await sendCommand(app, 'release')).text).toBe(
      'Sorry, `release` needs an account: a name, an email or an id.\n' +
        'Usage:\n• `/winback release <account>` — hand an account back to the team',
    );
  });
});
