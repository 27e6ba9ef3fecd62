import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findManifestProblems, slackManifestSchema } from './support/slack-manifest-schema.ts';
import { scopesNeededBySource } from './support/web-api-scopes.ts';

const manifestText = readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8');
const manifest = slackManifestSchema.parse(parse(manifestText));

function setPath(target: unknown, path: string, value: unknown) {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  const parent = keys.reduce((node, key) => (node as Record<string, unknown>)[key], target) as Record<string, unknown>;
  if (value === undefined) Reflect.deleteProperty(parent, last);
  else parent[last] = value;
}

// Each case breaks one rule in a fresh copy of the real manifest, so the passing manifest proves the schema
// can still fail. Keys are dotted paths; `undefined` removes the field.
function problemsWith(changes: Record<string, unknown>): string[] {
  const copy: unknown = parse(manifestText);
  for (const [path, value] of Object.entries(changes)) setPath(copy, path, value);
  return findManifestProblems(copy);
}

describe('manifest.yml', () => {
  it('is a manifest Slack accepts', () => {
    expect(findManifestProblems(parse(manifestText))).toEqual([]);
  });

  it('asks for exactly the bot scopes that the Web API calls in src/ need, plus commands', () => {
    const needed = new Set(['commands', ...scopesNeededBySource()]);
    expect(new Set(manifest.oauth_config?.scopes?.bot)).toEqual(needed);
  });

  it('offers /winback with its usage hint, a Home tab and no Messages tab, in Socket Mode', () => {
    expect(manifest.features?.slash_commands).toEqual([
      expect.objectContaining({
        command: '/winback',
        usage_hint: 'help | list | account <name> | claim <account> | digest preview',
        should_escape: false,
      }),
    ]);
    expect(manifest.features?.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: false });
    expect(manifest.settings).toMatchObject({
      socket_mode_enabled: true,
      event_subscriptions: { bot_events: ['app_home_opened'] },
    });
  });
});

describe('Slack manifest schema', () => {
  it('allows an app name of 35 characters and rejects 36', () => {
    expect(problemsWith({ 'display_information.name': 'a'.repeat(35) })).toEqual([]);
    expect(problemsWith({ 'display_information.name': 'a'.repeat(36) })).toEqual([
      'display_information.name: must be at most 35 characters',
    ]);
  });

  it('requires a long description of at least 175 characters', () => {
    expect(problemsWith({ 'display_information.long_description': undefined })).toEqual([
      'display_information.long_description: is required',
    ]);
    expect(problemsWith({ 'display_information.long_description': 'a'.repeat(174) })).toEqual([
      'display_information.long_description: must be at least 175 characters',
    ]);
    expect(problemsWith({ 'display_information.long_description': 'a'.repeat(175) })).toEqual([]);
  });

  it('allows a long description of 4000 characters and rejects 4001', () => {
    expect(problemsWith({ 'display_information.long_description': 'a'.repeat(4000) })).toEqual([]);
    expect(problemsWith({ 'display_information.long_description': 'a'.repeat(4001) })).toEqual([
      'display_information.long_description: must be at most 4000 characters',
    ]);
  });

  it('rejects a background colour that is not hex', () => {
    expect(problemsWith({ 'display_information.background_color': 'green' })).toEqual([
      'display_information.background_color: must be a hex colour like #1f6f5c',
    ]);
  });

  it.each([
    ['/Winback', 'must be lowercase without spaces'],
    ['/win back', 'must be lowercase without spaces'],
    ['winback', 'must start with "/"'],
    [`/${'a'.repeat(32)}`, 'must be at most 32 characters'],
  ])('rejects the command %s', (command, problem) => {
    expect(problemsWith({ 'features.slash_commands.0.command': command })).toEqual([
      `features.slash_commands.0.command: ${problem}`,
    ]);
  });

  it('allows a command of 32 characters', () => {
    expect(problemsWith({ 'features.slash_commands.0.command': `/${'a'.repeat(31)}` })).toEqual([]);
  });

  it('rejects a scope Slack does not have', () => {
    expect(problemsWith({ 'oauth_config.scopes.bot.1': 'accounts:winback' })).toEqual([
      'oauth_config.scopes.bot.1: is not a known Slack bot scope',
    ]);
  });

  it('rejects a bot event whose scope is not granted', () => {
    expect(problemsWith({ 'settings.event_subscriptions.bot_events.1': 'message.im' })).toEqual([
      'settings.event_subscriptions.bot_events.1: needs im:history',
    ]);
  });

  it('rejects slash commands without the commands scope', () => {
    expect(problemsWith({ 'oauth_config.scopes.bot': ['chat:write'] })).toEqual([
      'oauth_config.scopes.bot: slash commands need the commands scope',
    ]);
  });

  it('rejects an App Home without a bot user', () => {
    expect(problemsWith({ 'features.bot_user': undefined })).toEqual([
      'features.bot_user: the App Home needs a bot user',
    ]);
  });

  it('rejects a request URL that is not https', () => {
    expect(problemsWith({ 'settings.interactivity.request_url': 'http://winback.example.com/slack/events' })).toEqual([
      'settings.interactivity.request_url: must be an https:// URL',
    ]);
  });

  it('requires request URLs once Socket Mode is off', () => {
    const changes = { 'settings.socket_mode_enabled': false, 'settings.interactivity.request_url': undefined };

    expect(problemsWith(changes)).toEqual(['settings.interactivity.request_url: is required without Socket Mode']);
  });

  it('rejects keys Slack does not define', () => {
    expect(problemsWith({ 'features.bot_user.avatar': 'winback.png' })).toEqual([
      'features.bot_user: Unrecognized key: "avatar"',
    ]);
  });
});
