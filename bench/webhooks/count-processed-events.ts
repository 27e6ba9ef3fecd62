import pg from 'pg';

/** Stored Stripe events the app has applied: a 200 alone does not prove the work was done. */
export async function countProcessedEvents(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(
      `SELECT count(*) FROM "BillingEvent" WHERE source = 'stripe' AND "processedAt" IS NOT NULL`,
    );
    return Number(result.rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}
