import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DateTime } from 'luxon';
import { type CoreConfig, loadCoreConfig } from '../config/load-config.ts';
import { openDatabase } from '../db/open-database.ts';
import { createPrismaClient, type PrismaClient } from '../db/prisma.ts';
import { type BuiltDigest, buildDigest } from '../digest/build-digest.ts';
import { WinbackError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { unscoredAccountsNote } from '../scoring/unscored-note.ts';
import { plainTextOf } from '../slack/blocks/plain-text.ts';
import { parseCommandLine } from './parse-command-line.ts';

export const DIGEST_USAGE = `Usage: npx winback digest --preview [--out FILE]

  --preview    print today's digest as text and write its Block Kit JSON to a file; posts and stores nothing
  --out FILE   where the JSON goes (default: digest-preview-<date>.json in the data folder)`;

/** Today's digest as the first configured channel would get it, built but neither posted nor stored. */
export async function previewDigest(prisma: PrismaClient, config: CoreConfig, now = new Date()): Promise<BuiltDigest> {
  const channel = config.WINBACK_DIGEST_CHANNELS[0]?.channelId;
  const last = await prisma.digest.findFirst({
    where: { status: 'posted', ...(channel ? { channelId: channel } : {}) },
    orderBy: { periodEnd: 'desc' },
  });
  const day = DateTime.fromJSDate(now, { zone: config.WINBACK_TIMEZONE });
  return buildDigest(prisma, { start: last?.periodEnd ?? null, end: now }, day, {
    highValue: config.WINBACK_HIGH_VALUE,
    maxItems: config.WINBACK_DIGEST_MAX_ITEMS,
  });
}

/** Terminal text: the mrkdwn of every message, mentions and bold left as Slack would show them. */
export function digestAsText(digest: BuiltDigest): string {
  return digest.messages
    .map(
      (message, index) =>
        `${index === 0 ? '' : `--- thread reply ${index} ---\n`}${plainTextOf(message.blocks, Infinity)}`,
    )
    .join('\n\n');
}

export async function writeDigestPreview(digest: BuiltDigest, file: string): Promise<void> {
  const messages = digest.messages.map((message) => ({ blocks: message.blocks }));
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify({ summary: digest.summary, messages }, null, 2)}\n`);
  } catch (error) {
    throw new WinbackError(
      'not_written',
      `Could not write the digest's Block Kit JSON to ${file}: ${(error as Error).message}`,
    );
  }
}

export async function runDigest(args: string[]): Promise<void> {
  const options = { preview: { type: 'boolean' }, out: { type: 'string' } } as const;
  const { values } = parseCommandLine(args, options, DIGEST_USAGE, false);
  if (!values.preview) throw new WinbackError('usage', `Only previews run from the command line.\n\n${DIGEST_USAGE}`);

  const config = loadCoreConfig();
  const database = await openDatabase(config, createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL));
  const prisma = createPrismaClient(database.url);
  try {
    const digest = await previewDigest(prisma, config);
    const file = path.resolve(
      values.out ?? path.join(config.WINBACK_DATA_DIR, `digest-preview-${digest.summary.localDate}.json`),
    );
    await writeDigestPreview(digest, file);
    console.log(digestAsText(digest));
    console.log(`\nBlock Kit JSON of the ${digest.messages.length} message(s): ${file}`);
    // High value is a score: without one an account cannot be listed, which would read as "none churned".
    const note = await unscoredAccountsNote(prisma, 'the digest');
    if (note) console.log(`\n${note}`);
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}
