import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGuardrails, parseGuardrails } from '../../../src/domain/offers/load-guardrails.ts';
import { GUARDRAILS } from './guardrails-fixture.ts';

const SHIPPED = new URL('../../../config/guardrails.yml', import.meta.url).pathname;
const FILE = 'config/guardrails.yml';
// The shipped file's text, for cases that break one line of it.
const SHIPPED_TEXT = readFileSync(SHIPPED, 'utf8');

function problemsOf(text: string): string[] {
  try {
    parseGuardrails(text, FILE);
  } catch (error) {
    return (error as Error).message.split('\n');
  }
  throw new Error('expected the guardrails to be refused');
}

describe('loadGuardrails', () => {
  it('loads the shipped config/guardrails.yml, frozen all the way down', () => {
    const guardrails = loadGuardrails(SHIPPED);
    expect(guardrails).toEqual(GUARDRAILS);
    expect(Object.isFrozen(guardrails.autoApproval.offers)).toBe(true);
  });

  it('names the file it cannot read', () => {
    expect(() => loadGuardrails('/nowhere/guardrails.yml')).toThrow(
      '/nowhere/guardrails.yml: cannot read the guardrails file (ENOENT)',
    );
  });

  it('names the file, the field and the problem, one line each', () => {
    const text = SHIPPED_TEXT.replace('maxPercentOff: 50', 'maxPercentOff: 150')
      .replace('cooldownDays: 30', 'cooldownDays: soon')
      .replace('percent_discount: {', 'percent_discont: {');
    expect(problemsOf(text)).toEqual([
      'config/guardrails.yml: limits.maxPercentOff: expected a whole number from 1 to 100, got 150',
      'config/guardrails.yml: autoApproval.offers.percent_discont: unknown offer type; expected one of ' +
        'percent_discount, lower_tier, annual_incentive, extended_trial, session, beta_access, payment_grace',
      'config/guardrails.yml: cooldownDays: expected a whole number from 0 to 365, got "soon"',
    ]);
  });

  it('refuses a currency that is not an ISO code in capitals', () => {
    expect(problemsOf(SHIPPED_TEXT.replace('    USD: 500000', '    usd: 500000'))).toEqual([
      'config/guardrails.yml: autoApproval.clvBelowMinor.usd: ' +
        'expected an ISO 4217 currency code in capitals, such as USD',
    ]);
  });

  it('places a YAML syntax error by line and column', () => {
    expect(problemsOf('limits: [\n')[0]).toMatch(/^config\/guardrails\.yml: line \d+, column \d+: YAML syntax error/);
  });

  it('says an empty file is empty', () => {
    expect(problemsOf('# nothing\n')).toEqual([
      'config/guardrails.yml: the file is empty; expected limits, autoApproval and more',
    ]);
  });
});
