import { defineConfig } from 'drizzle-kit';

/** drizzle-kit generates SQL migrations from the schema; `npm run db:check` proves they agree. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './migrations',
  strict: true,
  verbose: true,
});
