/**
 * Node flags for the processes under test: with BENCH_CPU_PROF=DIR each writes a V8 CPU profile there when
 * it exits, to open in Chrome DevTools or sum up with `node bin/run-ts.js bench/profile-summary.ts FILE`.
 */
export function profilingFlags(): string[] {
  const dir = process.env.BENCH_CPU_PROF?.trim();
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}
