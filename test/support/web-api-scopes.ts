import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The bot scope each Web API method needs (Slack's method reference pages); methods that need
// none (auth.test, views.*) are absent.
const SCOPE_OF_METHOD: Record<string, string> = {
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.delete': 'chat:write',
  'users.info': 'users:read',
  'usergroups.users.list': 'usergroups:read',
  'conversations.open': 'im:write',
  'conversations.info': 'channels:read',
};

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Scopes needed by every Web API call written in src/ (`<client>.chat.postMessage(`, …). */
export function scopesNeededBySource(): string[] {
  const scopes = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const [method, scope] of Object.entries(SCOPE_OF_METHOD)) {
      if (text.includes(`.${method}(`)) scopes.add(scope);
    }
  }
  return [...scopes];
}
