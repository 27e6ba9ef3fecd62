import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/config/load-config.ts';

const VALID = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99aaaeee85a5' };
const SHIPPED = new URL('../../config/guardrails.yml', import.meta.url);

function refusal(env: Record<string, string>): string {
  try {
    loadServerConfig({ ...VALID, ...env });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('offer settings', () => {
  it('holds the checked config/guardrails.yml by default, and no approvals channel', () => {
    const config = loadServerConfig(VALID);
    expect(config.WINBACK_GUARDRAILS.costShare).toEqual({ maxPercentOfExpectedBack: 25, expectedBackMonths: 12 });
    expect(config.WINBACK_APPROVALS_CHANNEL).toBeUndefined();
  });

  it('stops start-up on a bad guardrails file, naming the file and its problem beside other settings', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'guardrails-')), 'guardrails.yml');
    const shipped = await readFile(SHIPPED, 'utf8');
    await writeFile(file, shipped.replace('maxPercentOfExpectedBack: 25', 'maxPercentOfExpectedBack: 250'));

    const message = refusal({ WINBACK_GUARDRAILS: file, WINBACK_APPROVALS_CHANNEL: '#approvals' });
    expect(message).toContain('winback cannot start: 2 settings need attention.');
    expect(message).toContain(
      `  WINBACK_GUARDRAILS: the guardrails file needs attention:\n    ${file}: costShare.maxPercentOfExpectedBack: ` +
        'expected a whole number from 1 to 100, got 250.',
    );
    expect(message).toContain('  WINBACK_APPROVALS_CHANNEL: expected a channel id such as C0123ABCD');
  });

  it('names a guardrails file that is not there', () => {
    expect(refusal({ WINBACK_GUARDRAILS: '/nowhere/guardrails.yml' })).toContain(
      '/nowhere/guardrails.yml: cannot read the guardrails file (ENOENT)',
    );
  });
});
