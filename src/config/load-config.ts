import { existsSync } from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import type { z } from 'zod';
import { WinbackError } from '../errors.ts';
import { coreSchema, HINTS, serverSchema } from './settings.ts';

export { PROJECT_ROOT } from './settings.ts';

export type CoreConfig = z.infer<typeof coreSchema>;
export type ServerConfig = CoreConfig & z.infer<typeof serverSchema>;

type Env = Record<string, string | undefined>;

/** Reads `.env` from the working directory into a copy of the environment; real variables win. */
export function environmentWithDotenv(env: Env = process.env, cwd = process.cwd()): Env {
  const file = path.join(cwd, '.env');
  if (!existsSync(file)) return { ...env };
  const fromFile = dotenv.config({ path: file, processEnv: {}, quiet: true }).parsed ?? {};
  return { ...fromFile, ...env };
}

// An empty string counts as unset, so `FOO=` in .env falls back to the default.
function withoutEmpty(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
}

function parseOrExplain<S extends z.ZodType>(schema: S, env: Env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;

  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '?');
    const problem = issue.code === 'invalid_type' && env[name] === undefined ? 'missing' : issue.message;
    const hint = HINTS[name];
    return `  ${name}: ${problem}.${hint ? ` ${hint}` : ''}`;
  });
  const count = lines.length === 1 ? '1 setting needs' : `${lines.length} settings need`;
  throw new WinbackError(
    'config_invalid',
    `winback cannot start: ${count} attention.\n${lines.join('\n')}\n` +
      'Set them in the environment or in a .env file (see .env.example).',
  );
}

/** Settings every command needs: logging and the database. */
export function loadCoreConfig(env: Env = environmentWithDotenv()): Readonly<CoreConfig> {
  return Object.freeze(parseOrExplain(coreSchema, withoutEmpty(env)));
}

/** Settings for the running app; every bad variable is named in one message. */
export function loadServerConfig(env: Env = environmentWithDotenv()): Readonly<ServerConfig> {
  const clean = withoutEmpty(env);
  const schema = coreSchema.and(serverSchema);
  return Object.freeze(parseOrExplain(schema, clean) as ServerConfig);
}
