import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { processPeakRssMiB } from './process-cpu.ts';

const GNU_TIME = '/usr/bin/time';

export interface MeasuredRun {
  code: number | null;
  seconds: number;
  /** Peak resident memory of the command in MiB; NaN when it could not be read. */
  peakRssMiB: number;
  /** User plus system CPU seconds of the command (GNU time only; NaN otherwise). */
  cpuSeconds: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion and measures its wall time and peak RSS: GNU time's figure when /usr/bin/time
 * is there, else the kernel's high-water mark (VmHWM) sampled from /proc until the process exits.
 */
export async function runMeasured(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<MeasuredRun> {
  const useTime = existsSync(GNU_TIME);
  const started = performance.now();
  const child = useTime
    ? spawn(GNU_TIME, ['-v', command, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });

  let sampledMiB = Number.NaN;
  const sample = async () => {
    // The process may exit between two samples; the last good reading stands.
    const mib = child.pid === undefined ? Number.NaN : await processPeakRssMiB(child.pid);
    if (Number.isFinite(mib)) sampledMiB = mib;
  };
  const sampler = useTime ? undefined : setInterval(() => void sample(), 100);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);

  const reported = stderr.match(/Maximum resident set size \(kbytes\): (\d+)/)?.[1];
  const peakRssMiB = reported ? Number(reported) / 1024 : sampledMiB;
  const user = stderr.match(/User time \(seconds\): ([\d.]+)/)?.[1];
  const system = stderr.match(/System time \(seconds\): ([\d.]+)/)?.[1];
  const cpuSeconds = user && system ? Number(user) + Number(system) : Number.NaN;
  return { code, seconds, peakRssMiB, cpuSeconds, stdout, stderr };
}
