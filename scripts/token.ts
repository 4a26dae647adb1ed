/**
 * `npm run token -- --officer <id> [--roles a,b] [--hours 12]`: mints an HS256 bearer token for an
 * officer, signed with AUTH_JWT_SECRET, or in development with the secret the server generated in
 * DATA_DIR. Tokens for an identity provider's keys (RS256/ES256, JWKS) come from that provider.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config/env';
import { developmentSecret, mintToken } from '../src/modules/auth/tokens';

async function main() {
  const { values } = parseArgs({
    options: {
      officer: { type: 'string' },
      roles: { type: 'string' },
      hours: { type: 'string', default: '12' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.officer) {
    console.error('usage: npm run token -- --officer <officer id> [--roles officer,unit_head] [--hours 12]');
    process.exit(values.help ? 0 : 1);
  }
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.officer)) {
    throw new Error(
      '--officer must be an officer id (UUID); the development server logs the demo officers’ ids',
    );
  }
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30)
    throw new Error('--hours must be between 0 and 720');

  const config = loadConfig(process.env);
  let secret: string;
  if (config.auth.mode === 'secret') secret = config.auth.secret;
  else if (config.auth.mode === 'development') {
    if (config.database.dataDir.startsWith('memory://')) {
      throw new Error('DATA_DIR=memory:// keeps no secret: use the token the server logged at start-up');
    }
    secret = developmentSecret(config.database.dataDir);
  } else {
    throw new Error(
      `tokens for ${config.auth.mode} verification come from the identity provider, not from Fazhi`,
    );
  }
  const token = await mintToken({
    secret,
    officerId: values.officer,
    ...(values.roles ? { roles: values.roles.split(',').map((r) => r.trim()) } : {}),
    ttlSeconds: Math.round(hours * 3600),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof Error ? err.message : err);
  process.exit(1);
});
