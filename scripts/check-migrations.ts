/**
 * `npm run db:check`: fails when the Drizzle schema and the committed migrations disagree, i.e.
 * when someone changed a table without running `npm run db:generate`. It lets drizzle-kit
 * generate into a scratch copy of migrations/ and checks that nothing new appears.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER, projectRoot } from '../src/db/paths';

const scratch = mkdtempSync(join(tmpdir(), 'fazhi-migrations-'));
try {
  cpSync(MIGRATIONS_FOLDER, scratch, { recursive: true });
  const before = new Set(readdirSync(scratch));
  const result = spawnSync(
    process.execPath,
    [
      join(projectRoot(), 'node_modules', 'drizzle-kit', 'bin.cjs'),
      'generate',
      '--dialect=postgresql',
      '--schema=./src/db/schema.ts',
      `--out=${scratch}`,
      '--name=drift',
    ],
    { cwd: projectRoot(), encoding: 'utf8' },
  );
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error('drizzle-kit generate failed');
  }
  const added = readdirSync(scratch).filter((f) => !before.has(f));
  if (added.length > 0) {
    console.error(`The schema in src/ differs from migrations/: drizzle-kit would add ${added.join(', ')}.`);
    console.error('Run `npm run db:generate -- --name <change>` and commit the migration.');
    process.exitCode = 1;
  } else {
    console.log('migrations/ matches the schema.');
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
