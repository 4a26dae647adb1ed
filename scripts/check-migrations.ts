/**
 * `npm run db:check`: fails when the Drizzle schema and the committed migrations disagree, i.e.
 * when someone changed a table without running `npm run db:generate`. It lets drizzle-kit
 * generate into a scratch copy of migrations/ and checks that nothing new appears.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MIGRATIONS_FOLDER, projectRoot } from '../src/db/paths';

// `--schema=<file>` checks another schema module against migrations/ (the test suite uses it to prove the check fails).
const schemaArg = process.argv.find((a) => a.startsWith('--schema='));
const schema = schemaArg ? schemaArg.slice('--schema='.length) : './src/db/schema.ts';

// drizzle-kit only understands an `--out` relative to the working directory, so the scratch copy
// lives inside the project (in node_modules/.cache, which git ignores).
const cacheDir = join(projectRoot(), 'node_modules', '.cache');
mkdirSync(cacheDir, { recursive: true });
const scratch = mkdtempSync(join(cacheDir, 'fazhi-migrations-'));
try {
  cpSync(MIGRATIONS_FOLDER, scratch, { recursive: true });
  const before = new Set(readdirSync(scratch));
  const result = spawnSync(
    process.execPath,
    [
      join(projectRoot(), 'node_modules', 'drizzle-kit', 'bin.cjs'),
      'generate',
      '--dialect=postgresql',
      `--schema=${schema}`,
      `--out=./${relative(projectRoot(), scratch)}`,
      '--name=drift',
    ],
    { cwd: projectRoot(), encoding: 'utf8' },
  );
  // drizzle-kit reports some failures (e.g. an unreadable snapshot) on stdout and still exits 0.
  if (result.status !== 0 || /error/i.test(`${result.stdout}${result.stderr}`)) {
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
