import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { MANAGER, sendCommand } from './command-session.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ WINBACK_MANAGERS: MANAGER });
});

describe('/winback digest now without a digest channel', () => {
  it('says there is nowhere to post and where that is set', async () => {
    const reply = await sendCommand(app, 'digest now', MANAGER);
    expect(reply.text).toBe(
      'No digest channel is set up, so there is nowhere to post. An admin sets one in WINBACK_DIGEST_CHANNELS.',
    );
    expect(app.slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('still previews the digest, and stores nothing', async () => {
    const reply = await sendCommand(app, 'digest preview', MANAGER);
    expect(reply.text).toMatch(/^Preview: only you see this, and nothing was posted or stored\.\nWin-back digest · /);
    expect(await app.db.prisma.digest.count()).toBe(0);
  });
});
