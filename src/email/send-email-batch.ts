import type { MergeValues } from '../domain/email/merge-tags.ts';
import { nextSendableTime } from '../domain/email/quiet-hours.ts';
import { batchSkeleton, batchSubstitutions } from '../domain/email/render-email.ts';
import type { EmailDeps } from './email-deps.ts';
import { templateOrRefuse } from './load-templates.ts';
import { batchMailData } from './mail-data.ts';
import { BULK_KEY_PREFIX } from './queue-email.ts';
import { recordBatchOutcome } from './record-batch-outcome.ts';

// SendGrid's limit: at most 1000 personalizations in one mail/send request.
export const BATCH_SIZE = 1000;

export interface ClaimedRow {
  id: string;
  accountId: string;
  kind: string;
  variant: string | null;
  offerId: string | null;
  toEmail: string;
  subject: string;
  mergeValues: MergeValues;
  attempts: number;
  timezone: string | null;
}

/**
 * Claims up to 1000 due bulk messages of one variant in one statement (queued → sending). SKIP LOCKED
 * lets several workers share a campaign; the cap and consent rules are the single path's, in SQL.
 */
function claimBatch(deps: EmailDeps, template: string, variant: string | null, capDays: number) {
  return deps.prisma.$queryRaw<ClaimedRow[]>`
    WITH picked AS (
      SELECT m.id FROM "EmailMessage" m JOIN "Account" a ON a.id = m."accountId"
      WHERE m.status = 'queued' AND m.template = ${template} AND m.variant IS NOT DISTINCT FROM ${variant}
        AND m."idempotencyKey" LIKE ${`${BULK_KEY_PREFIX}%`} AND m."mergeValues" IS NOT NULL
        AND m."scheduledFor" <= now()
        AND a."emailConsent" AND a."unsubscribedAt" IS NULL AND a."bouncedAt" IS NULL
        AND (m.kind <> 'winback' OR ${capDays}::int = 0 OR NOT EXISTS (
          SELECT 1 FROM "EmailMessage" o WHERE o."accountId" = m."accountId" AND o.kind = 'winback' AND o.id <> m.id
            AND (o.status = 'sending' OR o."sentAt" > now() - make_interval(days => ${capDays}::int))))
      ORDER BY m."scheduledFor"
      LIMIT ${BATCH_SIZE}
      FOR UPDATE OF m SKIP LOCKED
    )
    UPDATE "EmailMessage" m SET status = 'sending', attempts = m.attempts + 1, "updatedAt" = now()
    FROM picked, "Account" a
    WHERE m.id = picked.id AND a.id = m."accountId"
    RETURNING m.id, m."accountId", m.kind::text AS kind, m.variant, m."offerId", m."toEmail", m.subject,
      m."mergeValues", m.attempts, a.timezone`;
}

/** Rows that fell into their recipient's quiet hours since they were queued go back, due at its end. */
async function deferQuiet(deps: EmailDeps, rows: ClaimedRow[], now: Date): Promise<ClaimedRow[]> {
  const { WINBACK_EMAIL_QUIET_HOURS: quiet, WINBACK_TIMEZONE: zone } = deps.settings;
  const ready: ClaimedRow[] = [];
  for (const row of rows) {
    const at = nextSendableTime(now, row.timezone, quiet, zone);
    if (at <= now) {
      ready.push(row);
      continue;
    }
    await deps.prisma.emailMessage.updateMany({
      where: { id: row.id, status: 'sending' },
      data: { status: 'queued', scheduledFor: at, attempts: { decrement: 1 } },
    });
  }
  return ready;
}

/**
 * The email-send-batch job's work: send every due bulk message of one template variant, 1000 per
 * request, until none is left. Returns how many went to SendGrid.
 */
export async function sendEmailBatch(
  deps: EmailDeps,
  group: { template: string; variant: string | null },
  now = () => new Date(),
): Promise<number> {
  const template = templateOrRefuse(deps.templates, group.template);
  const variant = group.variant ?? template.variants[0] ?? 'A';
  const skeleton = batchSkeleton(template, variant);
  let sent = 0;
  for (;;) {
    const claimed = await claimBatch(deps, group.template, group.variant, deps.settings.WINBACK_EMAIL_CAP_DAYS);
    if (claimed.length === 0) return sent;
    const rows = await deferQuiet(deps, claimed, now());
    if (rows.length === 0) continue;

    const recipients = rows.map((row) => ({
      message: row,
      substitutions: batchSubstitutions(template, variant, row.mergeValues),
    }));
    const kind = rows[0]?.kind ?? template.kind;
    const data = batchMailData(
      { kind, template: group.template, variant: group.variant },
      skeleton,
      recipients,
      deps.settings,
    );
    const outcome = await deps.mailer.send(data);
    await recordBatchOutcome(deps, group, rows, outcome, now());
    if (outcome.status !== 'accepted') return sent;
    sent += rows.length;
  }
}
