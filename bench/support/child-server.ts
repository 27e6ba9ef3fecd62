import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** A server the bench started as a child process, reached on loopback. */
export interface ChildServer {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`: the bench never leaves a server behind. */
export async function stopChild(child: ChildProcess, graceMs = 40_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Resolves once `ready` answers true, polling; rejects if the child exits first or the time runs out. */
export async function waitUntilReady(child: ChildProcess, ready: () => Promise<boolean>, timeoutMs: number) {
  const giveUpAt = Date.now() + timeoutMs;
  while (Date.now() < giveUpAt) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was ready`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server was not ready within ${timeoutMs / 1000} s`);
}
