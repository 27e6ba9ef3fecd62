import { loadCoreConfig } from '../config/load-config.ts';
import { openDatabase } from '../db/open-database.ts';
import { createPrismaClient, type PrismaClient } from '../db/prisma.ts';
import { formatTotals } from '../domain/money.ts';
import { WinbackError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { unscoredAccountsNote } from '../scoring/unscored-note.ts';
import { addSegment } from '../segments/add-segment.ts';
import { listSegments, type SegmentListing } from '../segments/list-segments.ts';
import { parseSegmentFlags } from '../segments/parse-segment-flags.ts';
import { removeSegment } from '../segments/remove-segment.ts';
import { parseCommandLine } from './parse-command-line.ts';

export const SEGMENTS_USAGE = `Usage: npx winback segments                 list the saved segments, with accounts and lost MRR
       npx winback segments add NAME [criteria]  save a segment; an account matches every criterion given
       npx winback segments remove NAME          delete a saved segment (its accounts stay as they are)

  --description TEXT         what the segment is for
  --reason R[,R]             churn reason: price, missing_feature, support, competitor, usability,
                             involuntary, unused, low_quality, other
  --churned-after DATE       churned on or after DATE (YYYY-MM-DD, in WINBACK_TIMEZONE)
  --churned-before DATE      churned before DATE
  --plan P[,P]               plan, as the billing system names it
  --clv-at-least MINOR       CLV at least this many minor units (cents), e.g. 50000 for $500.00
  --rfm-segment S[,S]        RFM segment, e.g. at_risk,cant_lose_them
  --requested-feature TEXT   feedback asked for a feature containing TEXT
  --trial-never-converted    churned without a single recorded payment
  --attribute KEY=VALUE      an imported attribute equals VALUE, e.g. Contract=Month-to-month (repeatable)
  --status S[,S]             account status: trialing, active, past_due, churned`;

const OPTIONS = {
  description: { type: 'string' },
  reason: { type: 'string' },
  'churned-after': { type: 'string' },
  'churned-before': { type: 'string' },
  plan: { type: 'string' },
  'clv-at-least': { type: 'string' },
  'rfm-segment': { type: 'string' },
  'requested-feature': { type: 'string' },
  'trial-never-converted': { type: 'boolean' },
  attribute: { type: 'string', multiple: true },
  status: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

export function formatSegmentList(segments: SegmentListing[]): string {
  if (segments.length === 0) return 'No segment is saved yet. Save one with `npx winback segments add NAME ...`.';
  const width = Math.max(...segments.map((segment) => segment.name.length), 'Segment'.length);
  const rows = segments.map((segment) => {
    const about = segment.description ? `  ${segment.description}` : '';
    const lost = formatTotals(segment.lostMrr);
    return `${segment.name.padEnd(width)}  ${String(segment.accounts).padStart(8)}  ${lost.padStart(14)}${about}`;
  });
  return [`${'Segment'.padEnd(width)}  ${'Accounts'.padStart(8)}  ${'Lost MRR'.padStart(14)}`, ...rows].join('\n');
}

async function withDatabase(work: (prisma: PrismaClient, zone: string) => Promise<void>): Promise<void> {
  const config = loadCoreConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const database = await openDatabase(config, logger);
  const prisma = createPrismaClient(database.url);
  try {
    await work(prisma, config.WINBACK_TIMEZONE);
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

/** `winback segments [add NAME ...]`: lists the saved segments, or saves a new one after checking it. */
export async function runSegments(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine(args, OPTIONS, SEGMENTS_USAGE, true);
  if (values.help) {
    console.log(SEGMENTS_USAGE);
    return;
  }
  const [action, name, ...extra] = positionals;
  if (action === undefined) {
    await withDatabase(async (prisma, zone) => {
      console.log(formatSegmentList(await listSegments(prisma, zone)));
      const note = await unscoredAccountsNote(prisma, 'a criterion on CLV or RFM segment');
      if (note) console.log(note);
    });
    return;
  }
  if (action === 'remove' && name !== undefined && extra.length === 0) {
    await withDatabase(async (prisma) => {
      await removeSegment(prisma, name);
      console.log(`Removed segment ${name}.`);
    });
    return;
  }
  if (action !== 'add' || extra.length > 0) {
    throw new WinbackError(
      'usage',
      `Expected \`segments\`, \`segments add NAME\` or \`segments remove NAME\`.\n\n${SEGMENTS_USAGE}`,
    );
  }
  const parsed = parseSegmentFlags(name, values);
  if (!parsed.ok) throw new WinbackError('usage', `${parsed.errors.join('\n')}\n\n${SEGMENTS_USAGE}`);

  await withDatabase(async (prisma, zone) => {
    await addSegment(prisma, parsed.value);
    const [saved] = (await listSegments(prisma, zone)).filter((segment) => segment.name === parsed.value.name);
    console.log(
      `Saved segment ${parsed.value.name}: ${saved?.accounts ?? 0} accounts now, ` +
        `${formatTotals(saved?.lostMrr ?? [])} lost MRR.`,
    );
  });
}
