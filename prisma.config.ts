// Prisma 7 CLI configuration: the datasource URL moved out of schema.prisma.
// Only the CLI reads this file (migrate deploy/status on a machine that can fetch Prisma's engines);
// the app applies prisma/migrations itself via migrateDatabase() from @poolkeeper/persistence.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env['DATABASE_URL'] ?? '' },
});
