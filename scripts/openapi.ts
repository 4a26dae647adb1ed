/**
 * `npm run openapi` writes openapi/openapi.json from the routes' schemas; `npm run openapi:check`
 * fails when the committed file differs from what the code generates (CI runs it).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config/env';
import { projectRoot } from '../src/db/paths';

export async function generateOpenApi(): Promise<string> {
  // The document depends on no data: no migrations, and a throw-away key instead of the demo mode.
  const config = loadConfig({
    DATA_DIR: 'memory://',
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'silent',
    AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
  });
  const app = await buildApp({ config });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

async function main() {
  const target = join(projectRoot(), 'openapi', 'openapi.json');
  const generated = await generateOpenApi();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // a missing file differs like any other
    }
    if (committed !== generated) {
      console.error('openapi/openapi.json is out of date: run `npm run openapi` and commit the result.');
      process.exit(1);
    }
    console.log('openapi/openapi.json is up to date.');
  } else {
    writeFileSync(target, generated);
    console.log(`wrote ${target}`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
