import path from 'node:path';
import { loadCoreConfig, PROJECT_ROOT } from '../config/load-config.ts';
import { openDatabase } from '../db/open-database.ts';
import { connectDatabase, disconnectDatabase } from '../db/prisma.ts';
import { parseImportOptions } from '../ingest/csv/parse-import-options.ts';
import { importCsv } from '../ingest/import-csv.ts';
import { createLogger } from '../log.ts';
import { rescoreAccounts } from '../scoring/rescore-accounts.ts';
import { digestAsText, previewDigest, writeDigestPreview } from './digest-command.ts';

export const TELCO_CSV = path.join(PROJECT_ROOT, 'data/telco/WA_Fn-UseC_-Telco-Customer-Churn.csv');

/**
 * `npm run demo`: the main job on real data with nothing to set up. An empty database gets the
 * public IBM Telco churn data set; then today's digest is built and shown, not posted.
 */
export async function runDemo(): Promise<void> {
  const config = loadCoreConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const database = await openDatabase(config, logger);
  const db = connectDatabase(database.url, logger);
  const { prisma } = db;
  try {
    console.log(
      `Database: ${database.embedded ? `embedded PostgreSQL in ${database.embedded.dataDir}` : 'DATABASE_URL'}`,
    );
    if ((await prisma.account.count()) === 0) {
      const options = parseImportOptions({ kind: 'accounts', preset: 'telco' });
      if (!options.ok) throw new Error(options.errors.join('\n'));
      const summary = await importCsv(db, {
        file: TELCO_CSV,
        options: options.value,
        skipInvalid: false,
        rejectsPath: path.join(config.WINBACK_DATA_DIR, 'telco.rejects.csv'),
      });
      console.log(
        `Imported the IBM Telco churn data set: ${summary.inserted} accounts in ${summary.seconds.toFixed(1)} s.`,
      );
    } else {
      console.log('The database already has accounts; nothing imported.');
    }

    // The digest lists accounts by value, so they must be scored first; the app does this in a job.
    const scored = await rescoreAccounts(prisma, config, logger, { mode: 'auto', reason: 'demo' });
    console.log(
      `Scored ${scored.accounts} accounts (CLV, RFM segment, Pareto priority) in ${scored.seconds.toFixed(1)} s.`,
    );

    const digest = await previewDigest(prisma, config);
    const file = path.join(config.WINBACK_DATA_DIR, `digest-preview-${digest.summary.localDate}.json`);
    await writeDigestPreview(digest, file);
    console.log(`\n${digestAsText(digest)}\n\nBlock Kit JSON of the ${digest.messages.length} message(s): ${file}`);
  } finally {
    await disconnectDatabase(db);
    await database.close();
  }
}
