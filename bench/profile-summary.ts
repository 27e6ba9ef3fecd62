// Sums a V8 .cpuprofile by self time: per package or source folder, then the top functions. For a first
// look at where a benchmark's time goes without opening DevTools.
import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
}

/** node_modules/<package>, src/<folder>, node: internals, or what V8 calls (program), (garbage collector). */
function ownerOf(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  const inModules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (inModules) return inModules;
  const inProject = url.match(/\/(src|bench|test)\/(?:([^/]+)\/)?/);
  if (inProject) return `${inProject[1]}/${inProject[2] ?? ''}`;
  return url.startsWith('node:') ? 'node: internals' : url;
}

function printTop(title: string, totals: Map<string, number>, all: number, limit: number): void {
  console.log(`\n${title}`);
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, limit);
  for (const [name, hits] of rows) console.log(`  ${((100 * hits) / all).toFixed(1).padStart(5)} %  ${name}`);
}

const file = process.argv[2];
if (!file) {
  console.error('Usage: node bin/run-ts.js bench/profile-summary.ts FILE.cpuprofile');
  process.exitCode = 2;
} else {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  let all = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const owner = ownerOf(url, functionName);
    const where = url ? `${url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${lineNumber + 1}` : '';
    owners.set(owner, (owners.get(owner) ?? 0) + hits);
    const key = `${functionName || '(anonymous)'}  ${where}`;
    functions.set(key, (functions.get(key) ?? 0) + hits);
    all += hits;
  }
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  console.log(`${file}: ${seconds.toFixed(1)} s sampled`);
  printTop('Self time by package or source folder', owners, all, 15);
  printTop('Self time by function', functions, all, 25);
}
