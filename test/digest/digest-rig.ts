// What digest and claim tests share: a fresh database, the Slack stand-in, the digest job's dependencies built the
// way src/main.ts builds them, and accounts seeded straight into the database.
import type { KnownBlock } from '@slack/types';
import { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import pino from 'pino';
import { afterAll } from 'vitest';
import { type TeamSettings, teamSchema } from '../../src/config/team-settings.ts';
import { createPrismaClient, type PrismaClient } from '../../src/db/prisma.ts';
import { type DigestJobDeps, runDigestTick } from '../../src/jobs/digest-jobs.ts';
import { createRoles } from '../../src/slack/roles.ts';
import { type SeedFields, seedAccount } from '../accounts/seed-account.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import type { RecordedCall, SlackStandIn } from '../support/slack-stand-in.ts';
import { startSlackStandIn } from '../support/slack-stand-in.ts';

export const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export interface DigestRig {
  db: TestDatabase;
  slack: SlackStandIn;
  /** Digest job dependencies with these team settings, on their own Prisma client and WebClient when `separate`. */
  deps(env: Record<string, string>, options?: { separate?: boolean }): DigestJobDeps;
}

/**
 * Team settings from variables. Escalation waits 100,000 working hours unless a test sets it, so the items of one
 * test's digest are not escalated into the next test's ticks.
 */
export function teamSettings(env: Record<string, string>): TeamSettings {
  return teamSchema.parse({ WINBACK_ESCALATE_AFTER_HOURS: '100000', ...env });
}

/** The WebClient the app itself would use, pointed at the stand-in. */
export function slackClient(slack: SlackStandIn): WebClient {
  return new WebClient('xoxb-test-token', { slackApiUrl: slack.url });
}

export function digestDeps(
  prisma: PrismaClient,
  slack: SlackStandIn,
  env: Record<string, string>,
  client = slackClient(slack),
): DigestJobDeps {
  const settings = teamSettings(env);
  const roles = createRoles(settings, client, logger);
  return { prisma, slack: client, settings, managerMentions: roles.managerIds, logger };
}

/** A database and a stand-in for one test file, both closed after it. */
export async function startDigestRig(slack?: SlackStandIn): Promise<DigestRig> {
  const db = await createTestDatabase();
  const standIn = slack ?? (await startSlackStandIn());
  const extraClients: PrismaClient[] = [];
  afterAll(async () => {
    await Promise.all(extraClients.map((client) => client.$disconnect()));
    if (!slack) await standIn.close();
  });
  return {
    db,
    slack: standIn,
    deps: (env, { separate = false } = {}) => {
      if (!separate) return digestDeps(db.prisma, standIn, env);
      const prisma = createPrismaClient(db.url);
      extraClients.push(prisma);
      return digestDeps(prisma, standIn, env);
    },
  };
}

/** The instant a wall-clock time has in a zone, e.g. `localTime('2026-03-29T08:30', 'Europe/Berlin')`. */
export function localTime(wallClock: string, zone: string): Date {
  const time = DateTime.fromISO(wallClock, { zone });
  if (!time.isValid) throw new Error(`invalid local time ${wallClock} in ${zone}`);
  return time.toJSDate();
}

export const tick = (deps: DigestJobDeps, now: Date) => runDigestTick(deps, now);

let sequence = 0;

/** A high-value churned account (Pareto flag and CLV), seen as churned at `churnSeenAt`. */
export function seedChurned(prisma: PrismaClient, churnSeenAt: Date, fields: SeedFields = {}) {
  sequence += 1;
  return seedAccount(prisma, {
    externalId: `acct-${sequence}`,
    company: `Company ${sequence}`,
    status: 'churned',
    churnSeenAt,
    churnedAt: churnSeenAt,
    churnReason: 'price',
    currency: 'EUR',
    mrrMinor: 49_00,
    lostMrrMinor: 49_00,
    clvMinor: 1_000_00,
    tenureMonths: 14,
    paretoPriority: true,
    ...fields,
  });
}

/** Successful chat.postMessage calls to one channel, oldest first. */
export function postsTo(slack: SlackStandIn, channel: string): RecordedCall[] {
  return slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel && call.response.ok);
}

export const tsOf = (call: RecordedCall | undefined) => String(call?.response.ts);

export const blocksOf = (call: RecordedCall | undefined) => (call?.args.blocks ?? []) as KnownBlock[];

/** The mrkdwn and plain text of a message's blocks, in order. */
export function textsOf(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'header' || block.type === 'section') return block.text ? [block.text.text] : [];
    if (block.type === 'context') return block.elements.flatMap((element) => ('text' in element ? [element.text] : []));
    return [];
  });
}

/** `kind:accountId` of each digest item a message shows, in order. */
export function itemKeysIn(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((block) =>
    block.type === 'section' && block.block_id?.startsWith('digest:') ? [block.block_id.slice('digest:'.length)] : [],
  );
}

/** Account ids of the digest items a message shows, in order. */
export function itemIdsIn(blocks: KnownBlock[]): string[] {
  return itemKeysIn(blocks).map((key) => key.split(':')[1] ?? '');
}

export async function digestOf(prisma: PrismaClient, channelId: string, localDate: string) {
  return prisma.digest.findUnique({
    where: { channelId_localDate: { channelId, localDate: new Date(`${localDate}T00:00:00Z`) } },
    include: { items: { orderBy: { position: 'asc' } } },
  });
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 5000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
