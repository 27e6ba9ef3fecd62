import pg from 'pg';

/** The parts of a database's catalog that a schema defines, as sorted comparable lines. */
export interface Catalog {
  /** Of tables; a view's are in `views`. */
  columns: string[];
  constraints: string[];
  indexes: string[];
  enums: string[];
  /** Each view's columns as `View.column type`: a view's columns have no nullability or default. */
  views: string[];
}

const COLUMN_TYPE = `c.table_name || '.' || c.column_name || ' ' || c.udt_name
    || coalesce('(' || c.character_maximum_length || ')', '')
    || coalesce(' p' || c.datetime_precision, '')`;
const columnsOf = (tableType: string, line: string) => `
  SELECT ${line} AS line
  FROM information_schema.columns c
  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
  WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations' AND t.table_type = '${tableType}'`;

const COLUMNS = columnsOf(
  'BASE TABLE',
  `${COLUMN_TYPE}
    || CASE WHEN c.is_nullable = 'NO' THEN ' NOT NULL' ELSE ' NULL' END
    || coalesce(' DEFAULT ' || c.column_default, '')`,
);

const VIEWS = columnsOf('VIEW', COLUMN_TYPE);

const CONSTRAINTS = `
  SELECT cls.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid) AS line
  FROM pg_constraint con JOIN pg_class cls ON cls.oid = con.conrelid
  JOIN pg_namespace ns ON ns.oid = cls.relnamespace
  WHERE ns.nspname = 'public' AND cls.relname <> '_prisma_migrations'`;

const INDEXES = `
  SELECT indexdef AS line FROM pg_indexes
  WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;

const ENUMS = `
  SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
  FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
  JOIN pg_namespace ns ON ns.oid = t.typnamespace
  WHERE ns.nspname = 'public' GROUP BY t.typname`;

export async function readCatalog(url: string): Promise<Catalog> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines = async (sql: string) => (await client.query<{ line: string }>(sql)).rows.map((r) => r.line).sort();
    return {
      columns: await lines(COLUMNS),
      constraints: await lines(CONSTRAINTS),
      indexes: await lines(INDEXES),
      enums: await lines(ENUMS),
      views: await lines(VIEWS),
    };
  } finally {
    await client.end();
  }
}

/** Lines present on one side only, labelled; empty when the catalogs agree. */
export function catalogDifferences(expected: Catalog, actual: Catalog): string[] {
  const differences: string[] = [];
  for (const part of ['columns', 'constraints', 'indexes', 'enums', 'views'] as const) {
    const want = new Set(expected[part]);
    const have = new Set(actual[part]);
    for (const line of want) if (!have.has(line)) differences.push(`missing ${part}: ${line}`);
    for (const line of have) if (!want.has(line)) differences.push(`unexpected ${part}: ${line}`);
  }
  return differences;
}
