import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/config/load-config.ts';
import { startWinback } from '../../src/main.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/winback.js');
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 'e3b0c44298fc1c149afbf4c8996fb924' };

async function badPlaybook(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'winback-playbook-'));
  const file = path.join(dir, 'playbook.yml');
  await writeFile(
    file,
    'reasons:\n  price:\n    strategy: Offer a discount.\n    offer:\n      type: percent_discount\n      percentOff: lots\n',
  );
  return file;
}

describe('the playbook at start-up', () => {
  it('stops startWinback before anything starts, naming the file and the problem', async () => {
    const file = await badPlaybook();
    const config = loadServerConfig({
      ...SLACK,
      WINBACK_PLAYBOOK: file,
      DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none',
    });

    const started = startWinback(config, pino({ level: 'silent' }));

    await expect(started).rejects.toMatchObject({ code: 'playbook_invalid' });
    await expect(started).rejects.toThrow(`${file}: reasons.price.offer.percentOff:`);
  });

  it('stops `winback start` with exit 1 and the same line, and no stack trace', async () => {
    const file = await badPlaybook();
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'winback-cli-'));
    const env = { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...SLACK, WINBACK_PLAYBOOK: file };

    const failure = await promisify(execFile)(process.execPath, [BIN, 'start'], { cwd, env }).catch((error) => error);

    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(
      new RegExp(`^${file.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: reasons\\.price\\.offer\\.percentOff: `),
    );
    expect(failure.stderr).not.toContain('    at ');
  });

  it('names a missing file', async () => {
    const config = loadServerConfig({ ...SLACK, WINBACK_PLAYBOOK: '/nonexistent/playbook.yml' });
    await expect(startWinback(config, pino({ level: 'silent' }))).rejects.toThrow(
      '/nonexistent/playbook.yml: cannot read the playbook file (ENOENT)',
    );
  });

  it('reads the shipped config/playbook.yml by default', () => {
    expect(loadServerConfig(SLACK).WINBACK_PLAYBOOK).toBe(
      path.resolve(import.meta.dirname, '../../config/playbook.yml'),
    );
  });
});
