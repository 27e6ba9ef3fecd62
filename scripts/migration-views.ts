// The views migrations create by hand (Prisma migrates none), and the tables each reads.
const VIEW_SOURCES: Record<string, string[]> = { AccountScore: ['StoredAccountScore', 'ScoringCurrency'] };

/** The views a migration's SQL alters the tables of: PostgreSQL refuses to change a column a view reads. */
export function viewsToRecreate(sql: string): string[] {
  return Object.entries(VIEW_SOURCES)
    .filter(([, tables]) => tables.some((table) => sql.includes(`ALTER TABLE "${table}"`)))
    .map(([view]) => view);
}
