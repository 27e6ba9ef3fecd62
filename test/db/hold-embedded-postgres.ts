// Test helper process: starts the embedded server on a data folder, says so, and waits to be killed, as an
// app that crashes would leave its server behind. Usage: node bin/run-ts.js test/db/hold-embedded-postgres.ts DIR PORT
import pino from 'pino';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';

const [dataDir, port] = process.argv.slice(2);
const server = await startEmbeddedPostgres(String(dataDir), Number(port), pino({ level: 'silent' }));
process.stdout.write(`ready ${server.port}\n`);
setInterval(() => {}, 60_000);
