// Prisma's schema engine compiled to WebAssembly, for diffing schemas on machines where the
// native engine can't be downloaded. Dev tooling only: the app applies committed SQL itself.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';

const require = createRequire(import.meta.url);
let loaded: Promise<void> | undefined;

// Node's WebAssembly global; its types live in lib.dom, which a server project doesn't load.
const webAssembly = (
  globalThis as unknown as {
    WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: unknown } }> };
  }
).WebAssembly;

// The package's own entry imports a .wasm file, which Node 20 can't; instantiate it by hand.
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    // The .wasm file is not in the package's exports map; it sits beside the glue module.
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = path.join(path.dirname(gluePath), 'schema_engine_bg.wasm');
    const bytes = await readFile(wasmPath);
    // Without a registry, an engine panic surfaces as an unreadable "unreachable" trap.
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        throw new Error(`Prisma schema engine panicked: ${message}`);
      },
    };
    const { instance } = await webAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
    const exports = instance.exports as { __wbindgen_start: () => void };
    glue.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return loaded;
}

/**
 * SQL that takes a database from the schema `from` (null: an empty database) to `to`, as
 * Prisma Migrate would write it. The engine insists on a live connection even for a pure
 * schema-to-schema diff, so it needs a reachable PostgreSQL URL.
 */
export async function diffSchemas(from: string | null, to: string, connectionUrl: string): Promise<string> {
  await loadWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: connectionUrl }));
  const engine = await glue.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
  try {
    const target = (content: string) => ({
      tag: 'schemaDatamodel' as const,
      files: [{ path: 'schema.prisma', content }],
    });
    const result = await engine.diff({
      from: from === null ? { tag: 'empty' } : target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? '';
  } finally {
    engine.free();
  }
}
