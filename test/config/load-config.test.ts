import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentWithDotenv, loadCoreConfig, loadServerConfig } from '../../src/config/load-config.ts';

const VALID = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99aaaeee85a5' };

function problemsOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadServerConfig', () => {
  it('names every missing Slack variable in one message, with where to get it', () => {
    const message = problemsOf(() => loadServerConfig({}));

    expect(message).toContain('winback cannot start: 2 settings need attention.');
    expect(message).toContain(
      '  SLACK_BOT_TOKEN: missing. Create the Slack app from manifest.yml (api.slack.com/apps → Create New App → ' +
        'From a manifest), install it to your workspace, then copy "Bot User OAuth Token" from OAuth & Permissions.',
    );
    expect(message).toContain('  SLACK_SIGNING_SECRET: missing (needed unless SLACK_APP_TOKEN turns on Socket Mode).');
    expect(message).toContain('Set them in the environment or in a .env file');
  });

  it('reports malformed values beside missing ones, saying what was expected', () => {
    const message = problemsOf(() =>
      loadServerConfig({
        ...VALID,
        SLACK_BOT_TOKEN: 'xoxp-user',
        PORT: '70000',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://db',
      }),
    );

    expect(message).toContain('4 settings need attention');
    expect(message).toContain('  SLACK_BOT_TOKEN: expected a bot token starting with "xoxb-".');
    expect(message).toContain('  PORT: expected a port from 0 to 65535.');
    expect(message).toContain('  LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent.');
    expect(message).toContain('  DATABASE_URL: expected a URL starting with postgresql://.');
    expect(message).not.toContain('SLACK_SIGNING_SECRET');
  });

  it('never repeats a secret value in its message', () => {
    const message = problemsOf(() => loadServerConfig({ ...VALID, SLACK_SIGNING_SECRET: 'too-short-but-secret' }));
    expect(message).toContain('SLACK_SIGNING_SECRET: expected the 32-character signing secret.');
    expect(message).not.toContain('too-short-but-secret');
  });

  it('needs no signing secret in Socket Mode', () => {
    const config = loadServerConfig({ SLACK_BOT_TOKEN: VALID.SLACK_BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-A-1-x' });
    expect(config.SLACK_APP_TOKEN).toBe('xapp-1-A-1-x');
  });

  it('treats empty strings as unset and fills the defaults', () => {
    const config = loadServerConfig({ ...VALID, PORT: '', DATABASE_URL: ' ', WINBACK_MIGRATE_ON_START: '' });
    expect(config).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', LOG_LEVEL: 'info', WINBACK_MIGRATE_ON_START: true });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.WINBACK_DATA_DIR).toBe(path.resolve(import.meta.dirname, '../../.winback'));
    expect(Object.isFrozen(config)).toBe(true);
  });
});

describe('loadCoreConfig', () => {
  it('asks nothing of Slack, so migrate and import run without Slack credentials', () => {
    expect(loadCoreConfig({ WINBACK_MIGRATE_ON_START: 'false' }).WINBACK_MIGRATE_ON_START).toBe(false);
  });

  it('refuses a boolean it cannot read', () => {
    expect(problemsOf(() => loadCoreConfig({ WINBACK_MIGRATE_ON_START: 'maybe' }))).toContain(
      'WINBACK_MIGRATE_ON_START: expected true or false.',
    );
  });

  it('refuses a gross margin of 0, which would leave every lost value at 0', () => {
    expect(problemsOf(() => loadCoreConfig({ WINBACK_GROSS_MARGIN: '0' }))).toContain(
      'WINBACK_GROSS_MARGIN: expected the gross margin above 0, e.g. 0.8',
    );
    expect(loadCoreConfig({ WINBACK_GROSS_MARGIN: '0.05' }).WINBACK_GROSS_MARGIN).toBe(0.05);
  });

  it('refuses a high-value CLV beyond what a number holds exactly, and takes one beyond 32 bits', () => {
    expect(problemsOf(() => loadCoreConfig({ WINBACK_HIGH_VALUE: '10000000000000000000' }))).toContain(
      'WINBACK_HIGH_VALUE: expected a CLV of at most 9,007,199,254,740,991 minor units',
    );
    expect(loadCoreConfig({ WINBACK_HIGH_VALUE: '100000000000' }).WINBACK_HIGH_VALUE).toEqual({
      kind: 'clv_at_least',
      minor: 100_000_000_000,
    });
  });
});

describe('environmentWithDotenv', () => {
  it('reads .env from the working directory, with real environment variables winning', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'winback-env-'));
    await writeFile(path.join(dir, '.env'), 'SLACK_BOT_TOKEN=xoxb-from-file\nPORT=4000\n');

    const env = environmentWithDotenv({ PORT: '5000' }, dir);

    expect(env).toEqual({ SLACK_BOT_TOKEN: 'xoxb-from-file', PORT: '5000' });
  });
});
