/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the PGlite DATA_DIR. */
import { ConfigError, loadConfig } from '../src/config/env';
import { openDatabase } from '../src/db/client';
import { migrationStatus } from '../src/db/migrations';

async function main() {
  const config = loadConfig(process.env);
  const database = await openDatabase({ ...config.database, logger: console });
  try {
    await database.migrate();
    const status = await migrationStatus(database.db);
    console.log(`${database.kind}: ${status.applied} of ${status.expected} migrations applied`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
