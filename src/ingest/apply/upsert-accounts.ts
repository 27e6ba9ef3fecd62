import type { AccountUpsert } from '../changes.ts';
import type { Query } from './query.ts';

type Field = keyof AccountUpsert['fields'];

// The PostgreSQL type of each column an upsert may write, for the unnest() casts.
const COLUMN_TYPES: Record<Field, string> = {
  name: 'text',
  company: 'text',
  contactName: 'text',
  email: 'text',
  timezone: 'text',
  locale: 'text',
  plan: 'text',
  mrrMinor: 'int4',
  currency: 'text',
  seats: 'int4',
  totalPaidMinor: 'int4',
  paymentCount: 'int4',
  tenureMonths: 'int4',
  lastPaymentAt: 'timestamptz',
  startedAt: 'timestamptz',
  churnedAt: 'timestamptz',
  status: '"AccountStatus"',
  churnReason: '"ChurnReason"',
  churnReasonText: 'text',
  emailConsent: 'bool',
  attributes: 'jsonb',
};

export interface UpsertCounts {
  inserted: number;
  updated: number;
  /** Identical to what is stored, or older than what is stored. */
  unchanged: number;
}

const NEEDS_ESCAPE = /["\\]/;
const ESCAPED = /["\\]/g;

/** One element of a PostgreSQL array literal (`{"a",NULL}`); the statement casts the literal to its column type. */
function toElement(value: unknown, json: boolean): string {
  if (value === undefined || value === null) return 'NULL';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = json ? JSON.stringify(value) : String(value);
  return `"${NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, '\\$&') : text}"`;
}

/**
 * The statement's parameters, one array literal a column, built here rather than by pg, whose per-element
 * conversion (local-time dates, two regex passes a string) was most of the hand-off of a 2,000-row batch.
 */
function toParameters(rows: AccountUpsert[], fields: Field[]): string[] {
  const sources: string[] = [];
  const ids: string[] = [];
  const observed: string[] = [];
  const columns = fields.map(() => [] as string[]);
  for (const row of rows) {
    sources.push(toElement(row.account.source, false));
    ids.push(toElement(row.account.externalId, false));
    observed.push(row.observedAt.toISOString());
    fields.forEach((field, i) => {
      columns[i]?.push(toElement(row.fields[field], field === 'attributes'));
    });
  }
  return [sources, ids, ...columns, observed].map((elements) => `{${elements.join(',')}}`);
}

const CONTACT_FIELDS = new Set<Field>([
  'name',
  'company',
  'contactName',
  'email',
  'timezone',
  'locale',
  'emailConsent',
]);

/**
 * The stamp that guards a batch against older data. Contact details (Stripe's customer.*) and
 * subscription state arrive on separate streams: a late customer.created must still write the
 * name, and must not make a newer subscription event look stale.
 */
function guardColumn(fields: Field[]): 'contactUpdatedAt' | 'sourceUpdatedAt' {
  return fields.length > 0 && fields.every((field) => CONTACT_FIELDS.has(field))
    ? 'contactUpdatedAt'
    : 'sourceUpdatedAt';
}

/** One INSERT ... ON CONFLICT for a batch whose rows all carry the same fields. */
function buildStatement(fields: Field[]): string {
  const guard = guardColumn(fields);
  const columns = ['source', 'externalId', ...fields, guard];
  const types = ['text', 'text', ...fields.map((field) => COLUMN_TYPES[field]), 'timestamptz'];
  const unnest = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
  const quoted = (column: string) => `"${column}"`;
  const assignments = fields.map((field) => `${quoted(field)} = EXCLUDED.${quoted(field)}`);
  const stored = fields.map((field) => `"Account".${quoted(field)}`).join(', ');
  const incoming = fields.map((field) => `EXCLUDED.${quoted(field)}`).join(', ');
  const hasStatus = fields.includes('status');

  // churnSeenAt marks the first time winback saw the account churned: what makes it "new"
  // for the digest even when the source has no churn date. reactivatedAt marks the way back.
  // Counted in PostgreSQL: a row back for each of 2,000 accounts cost more to read than to count.
  return `
    WITH written AS (
    INSERT INTO "Account" (${columns.map(quoted).join(', ')}, "churnSeenAt", "updatedAt")
    SELECT *, ${hasStatus ? `CASE WHEN status = 'churned' THEN now() END` : 'NULL::timestamptz'}, now()
    FROM unnest(${unnest}) AS incoming(${columns.map(quoted).join(', ')})
    ON CONFLICT ("source", "externalId") DO UPDATE SET
      ${[...assignments, `"${guard}" = EXCLUDED."${guard}"`, '"updatedAt" = now()'].join(',\n      ')}
      ${
        hasStatus
          ? `, "churnSeenAt" = CASE WHEN EXCLUDED.status = 'churned'
              THEN coalesce("Account"."churnSeenAt", now()) END
           , "reactivatedAt" = CASE WHEN "Account".status = 'churned' AND EXCLUDED.status IN ('active', 'trialing')
              THEN now() ELSE "Account"."reactivatedAt" END`
          : ''
      }
    WHERE ("Account"."${guard}" IS NULL OR "Account"."${guard}" <= EXCLUDED."${guard}")
      AND ROW(${stored}) IS DISTINCT FROM ROW(${incoming})
    RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*)::int AS written FROM written`;
}

/** Account upserts turned into their statements, ready to run: the CPU half of writing them. */
export interface PreparedUpserts {
  statements: { sql: string; parameters: string[]; rows: number }[];
  /** Repeats of an account within the batch: one of them is written, the others count as unchanged. */
  repeats: number;
}

/** Groups the rows by the fields they carry, one statement per group, and encodes their parameters. */
export function prepareAccountUpserts(changes: AccountUpsert[]): PreparedUpserts {
  const unique = dedupeByAccount(changes);
  const groups = new Map<string, AccountUpsert[]>();
  for (const change of unique) {
    const key = Object.keys(change.fields).sort().join(',');
    const group = groups.get(key);
    if (group) group.push(change);
    else groups.set(key, [change]);
  }
  const statements = [...groups].map(([key, rows]) => {
    const fields = (key === '' ? [] : key.split(',')) as Field[];
    return { sql: buildStatement(fields), parameters: toParameters(rows, fields), rows: rows.length };
  });
  return { statements, repeats: changes.length - unique.length };
}

/** Runs prepared upserts. A row older than what is stored, or identical to it, is left alone and counted unchanged. */
export async function runAccountUpserts(query: Query, prepared: PreparedUpserts): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: prepared.repeats };
  for (const statement of prepared.statements) {
    const [outcome] = await query<{ inserted: number; written: number }>(statement.sql, statement.parameters);
    const { inserted = 0, written = 0 } = outcome ?? {};
    counts.inserted += inserted;
    counts.updated += written - inserted;
    counts.unchanged += statement.rows - written;
  }
  return counts;
}

/** Writes account upserts in bulk, one statement per group of rows with the same fields. */
export async function upsertAccounts(query: Query, changes: AccountUpsert[]): Promise<UpsertCounts> {
  return runAccountUpserts(query, prepareAccountUpserts(changes));
}

// ON CONFLICT cannot touch the same row twice in one statement: keep the newest of duplicates.
function dedupeByAccount(changes: AccountUpsert[]): AccountUpsert[] {
  const newest = new Map<string, AccountUpsert>();
  for (const change of changes) {
    const key = `${change.account.source}\u0000${change.account.externalId}`;
    const seen = newest.get(key);
    if (!seen || seen.observedAt <= change.observedAt) newest.set(key, change);
  }
  return [...newest.values()];
}
