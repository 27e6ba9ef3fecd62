import { defineConfig } from 'prisma/config';

// The datasource URL is only needed by Prisma's own CLI commands (migrate, studio), which
// winback does not depend on: the app resolves its database at run time (src/db).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/winback' },
});
