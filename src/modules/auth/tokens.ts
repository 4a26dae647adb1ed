/**
 * Bearer tokens (JWT). Verification follows the configured key: an HS256 secret, an RS256/ES256
 * public key, or an identity provider's JWKS. Minting (HS256 only) serves development: the demo
 * token the server logs, `npm run token`, and the tests.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRemoteJWKSet, errors, importSPKI, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { AuthConfig } from '../../config/env';

/**
 * Claims Fazhi reads: `sub` = officer id; `agency` = agency id (optional: officer ids are unique,
 * but when present it must be the officer's); `roles` (optional) narrows the officer's roles.
 */
export interface FazhiClaims extends JWTPayload {
  sub: string;
  agency?: string;
  roles?: string[];
}

export type TokenFailure = 'TOKEN_EXPIRED' | 'TOKEN_INVALID';

export class TokenError extends Error {
  constructor(
    readonly failure: TokenFailure,
    message: string,
  ) {
    super(message);
  }
}

export type TokenVerifier = (token: string) => Promise<FazhiClaims>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CLOCK_TOLERANCE_SECONDS = 30;
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;

export async function createTokenVerifier(
  auth: AuthConfig,
  now: () => Date,
  developmentSecret?: string,
): Promise<TokenVerifier> {
  const fixed = {
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    ...('issuer' in auth && auth.issuer ? { issuer: auth.issuer } : {}),
    ...('audience' in auth && auth.audience ? { audience: auth.audience } : {}),
  };
  // Expiry is judged by the application's clock, so a pinned clock (tests) pins token validity too.
  // Every token must expire: a token without `exp` would be valid forever.
  const opts = () => ({ ...fixed, currentDate: now(), requiredClaims: ['exp'] });
  let verify: (token: string) => Promise<JWTPayload>;
  switch (auth.mode) {
    case 'development':
    case 'secret': {
      const secret = auth.mode === 'secret' ? auth.secret : developmentSecret;
      if (!secret) throw new Error('development mode needs its generated secret');
      const key = new TextEncoder().encode(secret);
      verify = async (token) => (await jwtVerify(token, key, { ...opts(), algorithms: ['HS256'] })).payload;
      break;
    }
    case 'public-key': {
      const key = await importSPKI(auth.publicKeyPem, auth.algorithm);
      verify = async (token) =>
        (await jwtVerify(token, key, { ...opts(), algorithms: [auth.algorithm] })).payload;
      break;
    }
    case 'jwks': {
      const keys = createRemoteJWKSet(new URL(auth.jwksUrl));
      verify = async (token) =>
        (await jwtVerify(token, keys, { ...opts(), algorithms: auth.algorithms })).payload;
      break;
    }
  }
  const verifyClaims = async (token: string): Promise<FazhiClaims> => {
    let payload: JWTPayload;
    try {
      payload = await verify(token);
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw new TokenError('TOKEN_EXPIRED', 'The token has expired');
      if (err instanceof errors.JOSEAlgNotAllowed)
        throw new TokenError('TOKEN_INVALID', 'The token’s algorithm is not accepted');
      if (err instanceof errors.JWSSignatureVerificationFailed) {
        throw new TokenError('TOKEN_INVALID', 'The token’s signature does not verify');
      }
      if (err instanceof errors.JWTClaimValidationFailed)
        throw new TokenError('TOKEN_INVALID', `Token claim refused: ${err.claim}`);
      throw new TokenError('TOKEN_INVALID', 'The token is malformed');
    }
    if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) {
      throw new TokenError('TOKEN_INVALID', 'The token’s sub must be an officer id');
    }
    if (payload.agency !== undefined && (typeof payload.agency !== 'string' || !UUID.test(payload.agency))) {
      throw new TokenError('TOKEN_INVALID', 'The token’s agency claim must be an agency id');
    }
    if (
      payload.roles !== undefined &&
      !(Array.isArray(payload.roles) && payload.roles.every((r) => typeof r === 'string'))
    ) {
      throw new TokenError('TOKEN_INVALID', 'The token’s roles claim must be a list of role names');
    }
    return payload as FazhiClaims;
  };

  // A signature check costs ~150 µs of CPU; the same token arrives with every request of a session.
  // Verified claims are kept until the token expires or VERIFIED_TTL_MS passes, whichever is first;
  // the officer behind it is still looked up on every request, so a departure takes effect at once.
  const verified = new Map<string, { claims: FazhiClaims; until: number }>();
  return async (token) => {
    const at = now().getTime();
    const hit = verified.get(token);
    if (hit && hit.until > at) return hit.claims;
    if (hit) verified.delete(token);
    const claims = await verifyClaims(token);
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
    verified.set(token, { claims, until: Math.min((claims.exp ?? 0) * 1000, at + VERIFIED_TTL_MS) });
    return claims;
  };
}

export interface MintRequest {
  secret: string;
  officerId: string;
  agencyId?: string;
  roles?: string[];
  /** Lifetime; default 12 hours. */
  ttlSeconds?: number;
  now?: Date;
}

/** An HS256 token for an officer. */
export async function mintToken(request: MintRequest): Promise<string> {
  const issuedAt = Math.floor((request.now ?? new Date()).getTime() / 1000);
  const jwt = new SignJWT({
    ...(request.agencyId ? { agency: request.agencyId } : {}),
    ...(request.roles ? { roles: request.roles } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.officerId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (request.ttlSeconds ?? 12 * 3600));
  return jwt.sign(new TextEncoder().encode(request.secret));
}

const DEV_SECRET_FILE = '.fazhi-dev-jwt-secret';

/**
 * The development signing secret: kept in the data directory (readable by its owner only), so
 * tokens survive restarts and `npm run token` can sign with it; random for `memory://`.
 */
export function developmentSecret(dataDir: string): string {
  if (dataDir.startsWith('memory://')) return randomBytes(32).toString('base64url');
  const file = join(dataDir, DEV_SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
