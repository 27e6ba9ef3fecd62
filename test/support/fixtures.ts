import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Real third-party payloads, copied with their licences from public repositories (see
// test/fixtures/SOURCES.md), so tests run on captured data rather than hand-written shapes.
const FIXTURES = new URL('../fixtures/', import.meta.url);

export function fixturePath(relative: string): string {
  return fileURLToPath(new URL(relative, FIXTURES));
}

export function readFixture(relative: string): string {
  return readFileSync(new URL(relative, FIXTURES), 'utf8');
}

export function readFixtureJson<T = Record<string, unknown>>(relative: string): T {
  return JSON.parse(readFixture(relative)) as T;
}

/** The public IBM Telco churn data set the project ships for its demo. */
export const TELCO_CSV = fileURLToPath(
  new URL('../../data/telco/WA_Fn-UseC_-Telco-Customer-Churn.csv', import.meta.url),
);
