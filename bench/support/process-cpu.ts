import { readdir, readFile } from 'node:fs/promises';

// Linux reports process times in clock ticks; USER_HZ is 100 on every mainstream kernel build.
const TICKS_PER_SECOND = 100;

/** User plus system CPU seconds a live process has used so far, from /proc/PID/stat; NaN if unreadable. */
export async function processCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / TICKS_PER_SECOND;
}

/** The process's peak resident memory so far (VmHWM) in MiB; NaN if unreadable. */
export async function processPeakRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = status.match(/^VmHWM:\s+(\d+) kB/m)?.[1];
  return kib ? Number(kib) / 1024 : Number.NaN;
}

/** CPU seconds the whole machine spent busy (all cores, everything but idle and iowait), from /proc/stat. */
export async function machineBusySeconds(): Promise<number> {
  const stat = await readFile('/proc/stat', 'utf8');
  const [, ...ticks] = (stat.split('\n')[0] ?? '').trim().split(/\s+/).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks;
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

async function readProcessStat(pid: string): Promise<string[] | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * CPU seconds used so far by the PostgreSQL server whose data folder is `clusterDir`: the postmaster, its
 * live children (backends, WAL writer, checkpointer...), and the children it has already reaped.
 */
export async function clusterCpuSeconds(clusterDir: string): Promise<number> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  let postmaster: string | undefined;
  for (const pid of pids) {
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (command.split('\0').includes(clusterDir)) postmaster = pid;
  }
  if (!postmaster) return Number.NaN;

  const own = await readProcessStat(postmaster);
  // utime, stime, cutime, cstime are fields 14 to 17; field 3 (the state) is index 0 here.
  let ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(own?.[index] ?? 0), 0);
  for (const pid of pids) {
    const fields = await readProcessStat(pid);
    if (fields?.[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / TICKS_PER_SECOND;
}
