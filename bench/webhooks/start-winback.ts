import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '../../test/support/free-port.ts';
import { type ChildServer, stopChild, waitUntilReady } from '../support/child-server.ts';
import { profilingFlags } from '../support/profiling.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/winback.js');
export const BENCH_STRIPE_SECRET = 'whsec_winback_bench_secret';

export interface WinbackSetup {
  databaseUrl: string;
  slackApiUrl: string;
  /** Where the app's log lines go; kept so a failed run can show why. */
  logFile: string;
}

/**
 * `winback start` as production runs it, in its own process: its event loop is not shared with the load
 * generator, whose signing and bookkeeping would otherwise inflate the latencies measured. It logs at the
 * default level (info) to a file, as a deployment would to its log collector.
 */
export async function startWinback(setup: WinbackSetup): Promise<ChildServer> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LOG_LEVEL: 'info',
    DATABASE_URL: setup.databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: 'e3b0c44298fc1c149afbf4c8996fb924',
    SLACK_API_URL: setup.slackApiUrl,
    STRIPE_WEBHOOK_SECRET: BENCH_STRIPE_SECRET,
  };
  const log = openSync(setup.logFile, 'a');
  const child = spawn(process.execPath, [...profilingFlags(), BIN, 'start'], { env, stdio: ['ignore', log, log] });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(child, async () => (await fetch(`${origin}/healthz`)).status === 200, 60_000);
  } catch (error) {
    await stopChild(child);
    const tail = (await readFile(setup.logFile, 'utf8')).slice(-4000);
    throw new Error(`winback start failed: ${(error as Error).message}\n${tail}`, { cause: error });
  }
  if (child.pid === undefined) throw new Error('winback start has no pid');
  return { origin, pid: child.pid, stop: () => stopChild(child) };
}
