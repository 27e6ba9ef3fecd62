import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/config/load-config.ts';

const BASE = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'e3b0c44298fc1c149afbf4c8996fb924' };
const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey;
const base64 = (key: typeof p256) => key.export({ format: 'der', type: 'spki' }).toString('base64');

describe('email settings', () => {
  it('default to no email, quiet hours 20:00-08:00, a 7-day cap and dunning at 1, 3 and 7 days', () => {
    const config = loadServerConfig(BASE);
    expect(config.SENDGRID_API_KEY).toBeUndefined();
    expect(config.WINBACK_EMAIL_QUIET_HOURS).toEqual({ startMinute: 20 * 60, endMinute: 8 * 60 });
    expect(config.WINBACK_EMAIL_CAP_DAYS).toBe(7);
    expect(config.WINBACK_DUNNING_DAYS).toEqual([1, 3, 7]);
    expect(config.SENDGRID_SANDBOX).toBe(false);
  });

  it('name every problem at once, each with where to get the value', () => {
    const attempt = () =>
      loadServerConfig({
        ...BASE,
        SENDGRID_API_KEY: 'SG.key',
        SENDGRID_WEBHOOK_PUBLIC_KEY: base64(p384),
        WINBACK_EMAIL_QUIET_HOURS: '8pm-8am',
        WINBACK_DUNNING_DAYS: '3,1',
      });
    expect(attempt).toThrow(/4 settings need attention/);
    expect(attempt).toThrow(/WINBACK_FROM_EMAIL: missing \(needed to send email once SENDGRID_API_KEY is set\)/);
    expect(attempt).toThrow(
      /SENDGRID_WEBHOOK_PUBLIC_KEY: expected the base64 Verification Key .*"Signed Event Webhook"/,
    );
    expect(attempt).toThrow(/WINBACK_EMAIL_QUIET_HOURS: expected HH:MM-HH:MM/);
    expect(attempt).toThrow(/WINBACK_DUNNING_DAYS: expected increasing numbers of days/);
  });

  it('accept a P-256 verification key', () => {
    const config = loadServerConfig({ ...BASE, SENDGRID_WEBHOOK_PUBLIC_KEY: base64(p256) });
    expect(config.SENDGRID_WEBHOOK_PUBLIC_KEY).toBe(base64(p256));
  });
});
