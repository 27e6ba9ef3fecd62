// Generates the Prisma client after `npm install`. Prisma's CLI wants its native schema
// engine even for `generate`, which never uses it; where that binary could not be downloaded
// (offline machines), pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file lets it finish.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const enginesDir = require.resolve('@prisma/engines/package.json').replace(/package\.json$/, '');
  const bundled = [`${enginesDir}schema-engine-debian-openssl-3.0.x`, `${enginesDir}schema-engine-linux-musl`];
  env.PRISMA_SCHEMA_ENGINE_BINARY = bundled.find((file) => existsSync(file)) ?? process.execPath;
}
execFileSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate'], { stdio: 'inherit', env });
