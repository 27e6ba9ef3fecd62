import { beforeAll, describe, expect, it } from 'vitest';
import { findAccounts, MAX_CHOICES } from '../../src/accounts/find-accounts.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { seedAccount } from './seed-account.ts';

let db: TestDatabase;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  const seed = async (key: string, fields: Parameters<typeof seedAccount>[1]) => {
    ids[key] = (await seedAccount(db.prisma, fields)).id;
  };
  await seed('acme', { company: 'Acme Corporation', externalId: 'cus_ACME', email: 'ops@acme.example', clvMinor: 900 });
  await seed('acmeLabs', { company: 'Acme Labs', clvMinor: 500 });
  await seed('globex', { company: 'Globex', clvMinor: 100 });
  await seed('initech', { name: 'Initech', clvMinor: 50 });
  await seed('hooli', { contactName: 'Gavin Belson', company: 'Hooli' });
  // An account whose billing id is another's company name: the exact match must win.
  await seed('exactGlobex', { company: 'Soylent', externalId: 'globex inc' });
  for (let i = 0; i < MAX_CHOICES + 2; i++) await seed(`umbrella${i}`, { company: `Umbrella ${i}`, clvMinor: i });
});

const matchedIds = async (reference: string) => {
  const match = await findAccounts(db.prisma, reference);
  if (match.status === 'one') return [match.account.id];
  return match.status === 'several' ? match.accounts.map((account) => account.id) : [];
};

describe('findAccounts', () => {
  it('finds an account by its id, its billing id or its email, case aside', async () => {
    expect(await matchedIds(ids.acme ?? '')).toEqual([ids.acme]);
    expect(await matchedIds('cus_acme')).toEqual([ids.acme]);
    expect(await matchedIds('OPS@acme.example')).toEqual([ids.acme]);
  });

  it('prefers an exact billing id over names that contain the words', async () => {
    expect(await matchedIds('Globex Inc')).toEqual([ids.exactGlobex]);
  });

  it('finds a company, name or contact name that contains the words', async () => {
    expect(await matchedIds('corporation')).toEqual([ids.acme]);
    expect(await matchedIds('initech')).toEqual([ids.initech]);
    expect(await matchedIds('belson')).toEqual([ids.hooli]);
  });

  it('offers every account that contains the words, most valuable first', async () => {
    const match = await findAccounts(db.prisma, 'acme');
    expect(match).toMatchObject({ status: 'several', more: 0 });
    expect(await matchedIds('acme')).toEqual([ids.acme, ids.acmeLabs]);
  });

  it(`offers at most ${MAX_CHOICES} choices and counts the rest`, async () => {
    const match = await findAccounts(db.prisma, 'umbrella');
    expect(match.status).toBe('several');
    if (match.status !== 'several') return;
    expect(match.accounts).toHaveLength(MAX_CHOICES);
    expect(match.more).toBe(2);
    expect(match.accounts[0]?.displayName).toBe('Umbrella 11');
  });

  it('finds a name a typo or two away, keeping only the closest', async () => {
    expect(await matchedIds('Glbex')).toEqual([ids.globex]);
    expect(await matchedIds('Intiech')).toEqual([ids.initech]);
    expect(await matchedIds('Acme Labz')).toEqual([ids.acmeLabs]);
  });

  it('allows no typo in a reference under four characters', async () => {
    expect(await findAccounts(db.prisma, 'Glx')).toEqual({ status: 'none' });
  });

  it('finds nothing for words too far from every name', async () => {
    expect(await findAccounts(db.prisma, 'Wayne Enterprises')).toEqual({ status: 'none' });
    expect(await findAccounts(db.prisma, '   ')).toEqual({ status: 'none' });
  });
});
