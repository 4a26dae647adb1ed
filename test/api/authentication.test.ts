/**
 * Authentication: every token failure is a 401 problem; HS256, RS256/ES256 public keys and a JWKS
 * URL all verify real tokens; the configuration refuses to start insecurely.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { ConfigError, loadConfig } from '../../src/config/env';
import { chinaDate } from '../../src/domain/calendar/dates';
import { mintToken } from '../../src/modules/auth/tokens';
import { createTestApp, TEST_JWT_SECRET, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (token: string) => t.anonymous.get('/v1/agencies').set('authorization', `Bearer ${token}`);

function expect401(
  res: { status: number; body: { code: string }; headers: Record<string, string> },
  code: string,
) {
  expect(res.status).toBe(401);
  expect(res.body.code).toBe(code);
  expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="fazhi"/);
}

describe('bearer tokens', () => {
  it('accepts a valid token, with or without the agency claim', async () => {
    await get(t.bureau.tokens.officer).expect(200);
    await get(await mintToken({ secret: TEST_JWT_SECRET, officerId: t.bureau.officers.officer })).expect(200);
  });

  it('refuses a missing token', async () => {
    expect401(await t.anonymous.get('/v1/agencies'), 'AUTHENTICATION_REQUIRED');
    expect401(
      await t.anonymous.get('/v1/agencies').set('authorization', 'Basic dXNlcjpwdw=='),
      'TOKEN_INVALID',
    );
  });

  it('refuses an expired token', async () => {
    const token = await mintToken({
      secret: TEST_JWT_SECRET,
      officerId: t.bureau.officers.officer,
      agencyId: t.agencyId,
      now: new Date(Date.now() - 3 * 3600_000),
      ttlSeconds: 3600,
    });
    expect401(await get(token), 'TOKEN_EXPIRED');
  });

  it('refuses a token that never expires', async () => {
    const eternal = await new SignJWT({ agency: t.agencyId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(t.bureau.officers.officer)
      .setIssuedAt()
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    expect401(await get(eternal), 'TOKEN_INVALID');
  });

  it('refuses the token of an officer who has retired', async () => {
    const created = await t.http
      .post('/v1/officers')
      .send({ name: '将退休', roles: ['officer'], legalQualification: { held: false } })
      .expect(201);
    const token = await mintToken({ secret: TEST_JWT_SECRET, officerId: created.body.id });
    await get(token).expect(200);
    await t.http
      .post(`/v1/officers/${created.body.id}/actions/retire`)
      .set('if-match', String(created.headers.etag))
      .send({ effectiveOn: chinaDate(new Date()), reason: '到龄退休' })
      .expect(200);
    expect401(await get(token), 'ACCOUNT_INACTIVE');
  });

  it('refuses a malformed token', async () => {
    expect401(await get('not.a.jwt'), 'TOKEN_INVALID');
    expect401(await get('abc'), 'TOKEN_INVALID');
  });

  it('refuses a token signed with another secret', async () => {
    const token = await mintToken({
      secret: 'another-secret-of-at-least-32-characters!!',
      officerId: t.bureau.officers.officer,
    });
    const res = await get(token);
    expect401(res, 'TOKEN_INVALID');
    expect(res.body).toMatchObject({ detail: expect.stringMatching(/signature/) });
  });

  it('refuses a token signed with another algorithm, and an unsigned one', async () => {
    const hs512 = await new SignJWT({ agency: t.agencyId })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject(t.bureau.officers.officer)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    expect401(await get(hs512), 'TOKEN_INVALID');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        sub: t.bureau.officers.admin,
        agency: t.agencyId,
        exp: Math.floor(Date.now() / 1000) + 3600,
      }),
    ).toString('base64url');
    expect401(await get(`${header}.${payload}.`), 'TOKEN_INVALID');
  });

  it('refuses an unknown officer, and an officer named with the wrong agency', async () => {
    const unknown = await mintToken({
      secret: TEST_JWT_SECRET,
      officerId: '01890000-0000-7000-8000-000000000000',
    });
    expect401(await get(unknown), 'UNKNOWN_OFFICER');
    const other = await t.seedBureau({ name: '城西区市场监督管理局', code: '西', regionCode: '630104' });
    const mismatched = await mintToken({
      secret: TEST_JWT_SECRET,
      officerId: t.bureau.officers.officer,
      agencyId: other.agencyId,
    });
    expect401(await get(mismatched), 'UNKNOWN_OFFICER');
  });

  it('narrows, never widens, the officer’s roles with a roles claim', async () => {
    const narrowed = await mintToken({
      secret: TEST_JWT_SECRET,
      officerId: t.bureau.officers.admin,
      roles: ['auditor'],
    });
    // admin may create units; the token asked for fewer rights.
    const res = await t.anonymous
      .post(`/v1/agencies/${t.agencyId}/units`)
      .set('authorization', `Bearer ${narrowed}`)
      .send({ name: '收窄测试科', kind: 'section' });
    expect(res.status).toBe(403);
    const widened = await mintToken({
      secret: TEST_JWT_SECRET,
      officerId: t.bureau.officers.officer,
      roles: ['admin'],
    });
    const res2 = await t.anonymous
      .post(`/v1/agencies/${t.agencyId}/units`)
      .set('authorization', `Bearer ${widened}`)
      .send({ name: '扩权测试科', kind: 'section' });
    expect(res2.status).toBe(403);
  });
});

describe('asymmetric keys', () => {
  let jwks: Server | undefined;
  afterAll(() => new Promise<void>((resolve) => (jwks ? jwks.close(() => resolve()) : resolve())));

  it('verifies RS256 tokens with a configured public key, and ES256 ones through a JWKS URL', async () => {
    const rsa = await generateKeyPair('RS256', { extractable: true });
    const ec = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(ec.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    jwks = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
    const issuer = 'https://idp.example.gov.cn';

    const setups = [
      { env: { AUTH_JWT_PUBLIC_KEY: await exportSPKI(rsa.publicKey) }, good: 'RS256', bad: 'ES256' },
      { env: { AUTH_JWKS_URL: jwksUrl }, good: 'ES256', bad: 'RS256' },
    ] as const;
    for (const setup of setups) {
      const app = await createTestApp({
        env: { AUTH_JWT_SECRET: '', AUTH_JWT_ISSUER: issuer, AUTH_JWT_AUDIENCE: 'fazhi', ...setup.env },
      });
      try {
        const sign = (
          alg: 'RS256' | 'ES256',
          claims: { iss?: string; aud?: string } = { iss: issuer, aud: 'fazhi' },
        ) =>
          new SignJWT({ agency: app.agencyId, ...claims })
            .setProtectedHeader(alg === 'ES256' ? { alg, kid: 'k1' } : { alg })
            .setSubject(app.bureau.officers.officer)
            .setIssuedAt()
            .setExpirationTime('1h')
            .sign(alg === 'ES256' ? ec.privateKey : rsa.privateKey);
        const call = (token: string) =>
          app.anonymous.get('/v1/agencies').set('authorization', `Bearer ${token}`);
        await call(await sign(setup.good)).expect(200);
        expect((await call(await sign(setup.bad))).status).toBe(401);
        // Right key, wrong issuer; right key, a token meant for another application.
        const wrongIssuer = await sign(setup.good, { iss: 'https://elsewhere', aud: 'fazhi' });
        expect((await call(wrongIssuer)).body.code).toBe('TOKEN_INVALID');
        const otherApp = await sign(setup.good, { iss: issuer, aud: 'another-app' });
        expect((await call(otherApp)).body.code).toBe('TOKEN_INVALID');
        // An HS256 token is not accepted once an asymmetric key is configured.
        const hs = await mintToken({ secret: TEST_JWT_SECRET, officerId: app.bureau.officers.officer });
        expect((await call(hs)).status).toBe(401);
      } finally {
        await app.close();
      }
    }
  });
});

describe('configuration', () => {
  const configError = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (err) {
      if (err instanceof ConfigError) return err.message;
      throw err;
    }
    return 'no error';
  };

  it('refuses to start in production without a verification key', () => {
    expect(configError({ NODE_ENV: 'production' })).toMatch(
      /^Invalid configuration: AUTH_JWT_SECRET is required in production/,
    );
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: TEST_JWT_SECRET }).auth.mode).toBe('secret');
  });

  it('refuses development mode on PostgreSQL, and two keys at once', () => {
    expect(configError({ DATABASE_URL: 'postgres://x@db/fazhi' })).toMatch(
      /AUTH_JWT_SECRET is required with DATABASE_URL/,
    );
    expect(configError({ AUTH_JWT_SECRET: TEST_JWT_SECRET, AUTH_JWKS_URL: 'https://idp/jwks' })).toMatch(
      /AUTH_JWT_SECRET and AUTH_JWKS_URL cannot be combined/,
    );
  });

  it('requires an audience and TLS with an identity provider', () => {
    expect(configError({ AUTH_JWKS_URL: 'https://idp.example.gov.cn/jwks' })).toMatch(
      /AUTH_JWT_AUDIENCE is required/,
    );
    expect(
      configError({ AUTH_JWKS_URL: 'http://idp.example.gov.cn/jwks', AUTH_JWT_AUDIENCE: 'fazhi' }),
    ).toMatch(/AUTH_JWKS_URL must use https/);
    expect(
      loadConfig({ AUTH_JWKS_URL: 'http://127.0.0.1:8080/jwks', AUTH_JWT_AUDIENCE: 'fazhi' }).auth.mode,
    ).toBe('jwks');
  });

  it('refuses a short secret and an unreadable key', () => {
    expect(configError({ AUTH_JWT_SECRET: 'short' })).toMatch(
      /AUTH_JWT_SECRET must NOT have fewer than 32 characters/,
    );
    expect(
      configError({
        AUTH_JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----',
        AUTH_JWT_AUDIENCE: 'fazhi',
      }),
    ).toMatch(/AUTH_JWT_PUBLIC_KEY is not a readable PEM public key/);
  });

  it('uses development mode only on the embedded database outside production', () => {
    expect(loadConfig({}).auth.mode).toBe('development');
  });
});
