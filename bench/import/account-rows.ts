/** One generated account, in the units both files are written from. */
export interface AccountRow {
  id: string;
  name: string;
  company: string;
  email: string;
  plan: string;
  mrrMinor: number;
  /** Blank on a few rows, so --currency has something to fill. */
  currency: string;
  status: 'active' | 'trialing' | 'past_due' | 'churned';
  tenureMonths: number;
  startedAt: string;
  churnedAt: string;
}

const FIRST = ['ada', 'grace', 'alan', 'edsger', 'barbara', 'ken', 'radia', 'donald', 'frances', 'linus'];
const LAST = ['lovelace', 'hopper', 'turing', 'dijkstra', 'liskov', 'thompson', 'perlman', 'knuth', 'allen'];
const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne'];
const SUFFIX = ['Inc', 'GmbH', 'Ltd', 'SAS', 'LLC', 'BV'];
const PLANS = ['starter', 'team', 'business', 'enterprise'];
const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2016, 0, 1);

// A fixed-seed generator (mulberry32): the same --rows gives the same file on every run and machine.
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Yields `count` accounts: a quarter churned, a few with a comma in the company name, a few without currency. */
export function* generateAccounts(count: number): Generator<AccountRow> {
  const random = seeded(20_240_331);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const roll = random();
    const status = roll < 0.25 ? 'churned' : roll < 0.32 ? 'past_due' : roll < 0.4 ? 'trialing' : 'active';
    const started = EPOCH + Math.floor(random() * 3000) * DAY_MS;
    const currencyRoll = random();
    yield {
      id: `acct-${String(i).padStart(7, '0')}`,
      name: `${first[0]?.toUpperCase()}${first.slice(1)} ${last[0]?.toUpperCase()}${last.slice(1)}`,
      company: i % 40 === 0 ? `${pick(WORDS)}, ${pick(WORDS)} & Co` : `${pick(WORDS)} ${pick(SUFFIX)}`,
      email: `${first}.${last}${i}@example.com`,
      plan: pick(PLANS),
      mrrMinor: 900 + Math.floor(random() * 200_000),
      currency: currencyRoll < 0.7 ? 'USD' : currencyRoll < 0.9 ? 'EUR' : currencyRoll < 0.98 ? 'GBP' : '',
      status,
      tenureMonths: Math.floor(random() * 120),
      startedAt: isoDate(started),
      churnedAt: status === 'churned' ? isoDate(started + Math.floor(random() * 600) * DAY_MS) : '',
    };
  }
}
