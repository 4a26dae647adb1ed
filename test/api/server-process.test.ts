/**
 * The real entry point (src/server.ts) as a process: configuration errors stop it with one line
 * and a non-zero code; SIGTERM shuts it down cleanly.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createTokenVerifier } from '../../src/modules/auth/tokens';

const root = join(__dirname, '..', '..');
const nodeArgs = ['--import', 'tsx', join(root, 'src', 'server.ts')];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

it('exits with code 1 and one line naming the bad variable', () => {
  const result = spawnSync(process.execPath, nodeArgs, {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: 'not-a-port' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr.trim().split('\n')).toEqual(['Invalid configuration: PORT must be integer']);
});

it('refuses to start in production without authentication settings', () => {
  const result = spawnSync(process.execPath, nodeArgs, {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', DATA_DIR: 'memory://' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr.trim().split('\n')).toEqual([
    'Invalid configuration: AUTH_JWT_SECRET is required in production (or AUTH_JWT_PUBLIC_KEY, or AUTH_JWKS_URL)',
  ]);
});

describe('a running server', () => {
  let child: ChildProcess;
  let output = '';

  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves on the embedded database and shuts down on SIGTERM', async () => {
    const port = await freePort();
    child = spawn(process.execPath, nodeArgs, {
      cwd: root,
      env: { PATH: process.env.PATH, PORT: String(port), DATA_DIR: 'memory://', LOG_LEVEL: 'info' },
    });
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    // Generous: on a 2-core machine the other test files compete for the CPU while this one boots.
    const deadline = Date.now() + 100_000;
    while (!output.includes('Fazhi is ready')) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(res.status).toBe(200);
    // Development mode logs a ready-to-paste admin token for the seeded demo bureau.
    const token = /Admin token[^:]*: (\S+?)"/.exec(output)?.[1];
    expect(token).toBeDefined();
    const agencies = await fetch(`http://127.0.0.1:${port}/v1/agencies`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(agencies.status).toBe(200);
    expect(((await agencies.json()) as { items: { name: string }[] }).items.map((a) => a.name)).toEqual([
      '城东区市场监督管理局',
    ]);
    expect((await fetch(`http://127.0.0.1:${port}/v1/agencies`)).status).toBe(401);
    // Log lines are JSON and a request's lines carry its id.
    await fetch(`http://127.0.0.1:${port}/v1/agencies`, { headers: { 'x-request-id': 'trace-in-logs' } });

    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const lines = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.some((l) => l.msg === 'shutdown complete')).toBe(true);
    const traced = lines.filter((l) => l.requestId === 'trace-in-logs');
    expect(traced.length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});

it('npm run token mints a token the configured verifier accepts', async () => {
  const secret = 'a-token-script-secret-of-at-least-32-chars';
  const officerId = '01900000-0000-7000-8000-000000000001';
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'scripts', 'token.ts'),
      '--officer',
      officerId,
      '--roles',
      'auditor',
      '--hours',
      '2',
    ],
    {
      cwd: root,
      env: { PATH: process.env.PATH, AUTH_JWT_SECRET: secret },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  expect(result.status).toBe(0);
  const verify = await createTokenVerifier({ mode: 'secret', secret }, () => new Date());
  const claims = await verify(result.stdout.trim());
  expect(claims).toMatchObject({ sub: officerId, roles: ['auditor'] });
  expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(7200);

  const refused = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts', 'token.ts'), '--officer', 'nobody'],
    {
      cwd: root,
      env: { PATH: process.env.PATH, AUTH_JWT_SECRET: secret },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  expect(refused.status).toBe(1);
  expect(refused.stderr).toMatch(/--officer must be an officer id/);
});
