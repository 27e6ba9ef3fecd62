import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHURN_REASONS } from '../../../src/domain/churn-reason.ts';
import { loadPlaybook, parsePlaybook } from '../../../src/domain/playbook/load-playbook.ts';

const SHIPPED = new URL('../../../config/playbook.yml', import.meta.url).pathname;
const FILE = 'config/playbook.yml';

function problemOf(text: string): string {
  try {
    parsePlaybook(text, FILE);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the playbook to be refused');
}

// A valid entry, for the reasons a case does not break.
const ENTRY = `
    strategy: A personal call.
    offer: { type: session, minutes: 30 }
    messageAngle: We would like to hear from you.
    channel: call`;

const validExcept = (broken: Record<string, string>) =>
  `reasons:\n${CHURN_REASONS.map((reason) => `  ${reason}:${broken[reason] ?? ENTRY}`).join('\n')}\n`;

describe('loadPlaybook', () => {
  it('loads the shipped config/playbook.yml with an entry for every churn reason', () => {
    const playbook = loadPlaybook(SHIPPED);

    expect(Object.keys(playbook.reasons)).toEqual([...CHURN_REASONS]);
    expect(playbook.reasons.price.offer).toEqual({ type: 'percent_discount', percentOff: 25, durationMonths: 3 });
    expect(playbook.reasons.price.alternativeOffer).toEqual({ type: 'lower_tier' });
    expect(playbook.reasons.involuntary.offer).toEqual({ type: 'payment_grace', graceDays: 14 });
    expect(playbook.reasons.other.channel).toBe('call');
  });

  it('returns the playbook frozen, all the way down', () => {
    const playbook = loadPlaybook(SHIPPED);
    expect(Object.isFrozen(playbook)).toBe(true);
    expect(Object.isFrozen(playbook.reasons.price)).toBe(true);
    expect(Object.isFrozen(playbook.reasons.price.offer)).toBe(true);
  });

  it('names the file it cannot read', async () => {
    const missing = path.join(await mkdtemp(path.join(os.tmpdir(), 'playbook-')), 'playbook.yml');
    expect(() => loadPlaybook(missing)).toThrow(`${missing}: cannot read the playbook file (ENOENT)`);
  });

  it('starts every problem with the path it was given', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'playbook-')), 'playbook.yml');
    await writeFile(file, validExcept({ other: `${ENTRY}\n    chanel: email` }));
    expect(() => loadPlaybook(file)).toThrow(
      `${file}: reasons.other.chanel: unknown field; ` +
        'expected one of strategy, offer, alternativeOffer, messageAngle, channel',
    );
  });
});

describe('parsePlaybook refuses a bad file', () => {
  it('lists every problem of one file, one line each, with file, path and what is wrong', () => {
    const text = validExcept({
      price: `
    strategy: ""
    offer: { type: percent_discount, percentOff: lots, durationMonths: 2.5 }
    messageAngle: 3
    channel: sms`,
      missing_feature: `
    strategy: Announce it.
    offer: { type: coupon }
    messageAngle: It is here.
    channel: email`,
    }).replace(/ {2}other:[\s\S]*$/, '  pricing: {}\n');

    expect(problemOf(text)).toBe(
      [
        'config/playbook.yml: reasons.price.strategy: expected non-empty text, got ""',
        'config/playbook.yml: reasons.price.offer.percentOff: expected a number from 1 to 100, got "lots"',
        'config/playbook.yml: reasons.price.offer.durationMonths: expected a whole number from 1 to 36, got 2.5',
        'config/playbook.yml: reasons.price.messageAngle: expected non-empty text, got 3',
        'config/playbook.yml: reasons.price.channel: expected one of email, call, in_app, slack_connect, got "sms"',
        'config/playbook.yml: reasons.missing_feature.offer.type: expected one of percent_discount, lower_tier, ' +
          'annual_incentive, extended_trial, session, beta_access, payment_grace, got "coupon"',
        'config/playbook.yml: reasons.other: missing; every churn reason needs an entry',
        'config/playbook.yml: reasons.pricing: unknown churn reason; expected one of price, missing_feature, ' +
          'support, competitor, usability, involuntary, unused, low_quality, other',
      ].join('\n'),
    );
  });

  it.each<{ rule: string; text: string; message: string }>([
    {
      rule: 'a missing churn reason is named',
      text: validExcept({}).replace(/ {2}unused:[\s\S]*?(?= {2}low_quality:)/, ''),
      message: 'config/playbook.yml: reasons.unused: missing; every churn reason needs an entry',
    },
    {
      rule: 'an unknown offer parameter is named with the offer type',
      text: validExcept({ support: ENTRY.replace('minutes: 30', 'minutes: 30, percentOff: 10') }),
      message:
        'config/playbook.yml: reasons.support.offer.percentOff: ' +
        'unknown field for session; expected one of type, minutes',
    },
    {
      rule: 'a missing offer parameter says what it should be',
      text: validExcept({ involuntary: ENTRY.replace('{ type: session, minutes: 30 }', '{ type: payment_grace }') }),
      message:
        'config/playbook.yml: reasons.involuntary.offer.graceDays: missing; expected a whole number from 1 to 60',
    },
    {
      rule: 'a percentOff above 100 is out of range',
      text: validExcept({
        price: ENTRY.replace('{ type: session, minutes: 30 }', '{ type: annual_incentive, percentOff: 150 }'),
      }),
      message: 'config/playbook.yml: reasons.price.offer.percentOff: expected a number from 1 to 100, got 150',
    },
    {
      rule: 'an offer without a type asks for one',
      text: validExcept({ usability: ENTRY.replace('{ type: session, minutes: 30 }', '{ minutes: 30 }') }),
      message:
        'config/playbook.yml: reasons.usability.offer.type: missing; expected one of percent_discount, lower_tier, ' +
        'annual_incentive, extended_trial, session, beta_access, payment_grace',
    },
    {
      rule: 'an entry that is not a mapping says what it should be',
      text: validExcept({ competitor: ' call them' }),
      message:
        'config/playbook.yml: reasons.competitor: expected a mapping with strategy, offer, messageAngle and channel, ' +
        'got "call them"',
    },
    {
      rule: 'a whitespace-only strategy counts as empty',
      text: validExcept({ unused: ENTRY.replace('A personal call.', '"   "') }),
      message: 'config/playbook.yml: reasons.unused.strategy: expected non-empty text, got ""',
    },
    {
      rule: 'a file without reasons says so',
      text: 'reason: {}\n',
      message: [
        'config/playbook.yml: reasons: missing; expected a mapping with one entry per churn reason',
        'config/playbook.yml: reason: unknown field; expected one of reasons',
      ].join('\n'),
    },
    {
      rule: 'an empty file, or comments only, says it is empty',
      text: '# nothing yet\n',
      message: 'config/playbook.yml: the file is empty; expected reasons with one entry per churn reason',
    },
    {
      rule: 'a YAML syntax error names the line and column',
      text: 'reasons:\n  price: [\nother: 1\n',
      message:
        'config/playbook.yml: line 3, column 1: YAML syntax error: ' +
        'Flow sequence in block collection must be sufficiently indented and end with a ]',
    },
    {
      rule: 'a churn reason written twice is a YAML error on its second line',
      // line 1 reasons, 2 price, 3–6 its entry, 7 price again
      text: `reasons:\n  price:${ENTRY}\n  price:${ENTRY}\n`,
      message: 'config/playbook.yml: line 7, column 3: YAML syntax error: Map keys must be unique',
    },
  ])('$rule', ({ text, message }) => {
    expect(problemOf(text)).toBe(message);
  });

  it('throws a WinbackError with code playbook_invalid', () => {
    try {
      parsePlaybook('', FILE);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ name: 'WinbackError', code: 'playbook_invalid' });
    }
  });
});
