import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../src/db/prisma.ts';
import { healthz } from '../../src/http/healthz.ts';
import { startJobQueue } from '../../src/jobs/job-queue.ts';
import { createTestDatabase } from '../support/database.ts';

async function getHealth(handler: ReturnType<typeof healthz>) {
  const app = express().get('/healthz', handler);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
    return { status: response.status, body: await response.json() };
  } finally {
    server.close();
  }
}

describe('GET /healthz', () => {
  it('answers 503 naming the job queue once it has stopped', async () => {
    const { url, prisma } = await createTestDatabase();
    const jobs = await startJobQueue(url, pino({ level: 'silent' }));
    await jobs.stop();

    expect(await getHealth(healthz(prisma, jobs))).toEqual({
      status: 503,
      body: { status: 'unhealthy', database: 'ok', jobQueue: 'stopped' },
    });
  });

  it('answers 503 naming the database when it cannot be reached', async () => {
    const { url } = await createTestDatabase();
    const jobs = await startJobQueue(url, pino({ level: 'silent' }));
    const unreachable = createPrismaClient('postgresql://nobody:nothing@127.0.0.1:1/none');

    const health = await getHealth(healthz(unreachable, jobs));
    await jobs.stop();

    expect(health).toEqual({ status: 503, body: { status: 'unhealthy', database: 'unreachable', jobQueue: 'ok' } });
  });
});
