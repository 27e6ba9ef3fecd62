import type { Prisma } from '../generated/prisma/client.ts';

export interface AuditRecord {
  /** A Slack user id, or system:<source> for changes that came from a billing system or a job. */
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/** The audit trail is append-only: this insert is the only way winback touches it. */
export async function recordAudit(tx: Prisma.TransactionClient, record: AuditRecord): Promise<void> {
  await tx.auditEntry.create({ data: record });
}
