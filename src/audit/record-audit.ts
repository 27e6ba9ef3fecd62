import type { Prisma } from '../generated/prisma/client.ts';
import type { Query } from '../ingest/apply/query.ts';

export interface AuditRecord {
  /** A Slack user id, or system:<source> for changes that came from a billing system or a job. */
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/**
 * The audit trail is append-only: winback only ever inserts into it, here and in the one-statement
 * subscription change of src/ingest/apply/apply-subscription-change.ts.
 */
export async function recordAudit(tx: Prisma.TransactionClient, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({ data: record });
}

/** The same insert for work that runs plain SQL (ingest), in the caller's transaction. */
export async function recordAuditOver(query: Query, record: AuditRecord): Promise<void> {
  const json = (value: Prisma.InputJsonValue | undefined) => (value === undefined ? null : JSON.stringify(value));
  await query(
    `INSERT INTO "AuditEntry" ("actor", "action", "entityType", "entityId", "before", "after")
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
    [record.actor, record.action, record.entityType, record.entityId, json(record.before), json(record.after)],
  );
}
