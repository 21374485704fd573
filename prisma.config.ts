import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI (`prisma generate`, and `prisma migrate deploy` where
// the schema-engine binary is available). Ruta itself applies migrations at
// startup through storage/migrate.ts.
export default defineConfig({
  schema: 'storage/schema.prisma',
  migrations: { path: 'storage/migrations' },
  datasource: { url: `file:${process.env.RUTA_DB ?? './data/ruta.db'}` },
});
