import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { type ChildServer, stopChild } from '../support/child-server.ts';

const RUN_TS = path.resolve(import.meta.dirname, '../../bin/run-ts.js');

/** bare-server.ts in its own process, as the app is, so both get the same share of the two cores. */
export async function startBareServer(): Promise<ChildServer> {
  const child = spawn(process.execPath, [RUN_TS, 'bench/webhooks/bare-server.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  const port = Number.parseInt(chunk.toString(), 10);
  if (!Number.isInteger(port) || child.pid === undefined) throw new Error('the bare server did not report its port');
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => stopChild(child) };
}
