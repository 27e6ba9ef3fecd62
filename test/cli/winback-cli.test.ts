import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '../../bin/winback.js');

async function winback(args: string[], env: Record<string, string> = {}) {
  // An empty working directory, so no developer's .env leaks into the test.
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'winback-cli-'));
  const clean = { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd, env: clean });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the winback command', () => {
  it('start without Slack credentials exits non-zero naming what to set', async () => {
    const result = await winback(['start']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('winback cannot start: 2 settings need attention.');
    expect(result.stderr).toContain('SLACK_BOT_TOKEN: missing. Create the Slack app from manifest.yml');
    expect(result.stderr).not.toContain('    at ');
  });

  it('help lists the commands', async () => {
    const result = await winback(['help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}migrate {3}apply pending database migrations and exit$/m);
  });

  it('a command that reads no arguments refuses them with exit 2, before touching any database', async () => {
    const result = await winback(['score', '--nope']);

    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('`winback score` takes no arguments, got "--nope". Run `npx winback help`.');
  });

  it('an unknown command exits 2 and points at help', async () => {
    const result = await winback(['frobnicate']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('winback: unknown command "frobnicate". Run `npx winback help` for the list.');
  });
});
