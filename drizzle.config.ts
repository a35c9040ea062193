import { defineConfig } from 'drizzle-kit';

// Migrations are generated from every module's tables and committed; the same SQL runs on PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/modules/*/*.tables.ts',
  out: './migrations',
});
