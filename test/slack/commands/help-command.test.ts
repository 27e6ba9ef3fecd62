import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { sendCommand } from './command-session.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});

describe('/winback help', () => {
  it('lists every subcommand, one line each, only to the person who asked', async () => {
    const reply = await sendCommand(app, 'help');

    expect(reply.response_type).toBe('ephemeral');
    const lines = reply.text.split('\n');
    expect(lines[0]).toBe('*winback* brings lost customers to your team. What you can do:');
    // Other subcommands may sit between these; these must be there, each exactly so.
    const expected = [
      '• `/winback help` — show this message',
      '• `/winback list [churned|failed|unclaimed|mine] [segment]` — ' +
        'accounts, most valuable first (churned unless you say)',
      "• `/winback account <name|email|id>` — an account's card",
      '• `/winback mine` — the accounts you own, with what to do next',
      '• `/winback claim <account>` — make an account yours',
      '• `/winback release <account>` — hand an account back to the team',
      "• `/winback digest now` — post today's digest now (managers)",
      "• `/winback digest preview` — see today's digest, only you",
    ];
    expect(lines.filter((line) => expected.includes(line))).toEqual(expected);
  });

  it('takes subcommands in any case', async () => {
    const reply = await sendCommand(app, 'HELP');
    expect(reply.text).toMatch(/^\*winback\* brings lost customers/);
  });
});
