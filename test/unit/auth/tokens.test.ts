/** Token verification is cached per token, but never past the token's expiry. */
import { createTokenVerifier, mintToken, TokenError } from '../../../src/modules/auth/tokens';

const secret = 'unit-test-secret-of-at-least-32-characters';
const officerId = '01900000-0000-7000-8000-000000000001';

it('keeps a verified token until it expires, then refuses it', async () => {
  let clock = new Date('2026-01-01T00:00:00Z');
  const verify = await createTokenVerifier({ mode: 'secret', secret }, () => clock);
  const token = await mintToken({ secret, officerId, now: clock, ttlSeconds: 600 });
  await expect(verify(token)).resolves.toMatchObject({ sub: officerId });
  clock = new Date('2026-01-01T00:09:00Z');
  await expect(verify(token)).resolves.toMatchObject({ sub: officerId });
  clock = new Date('2026-01-01T00:11:00Z');
  await expect(verify(token)).rejects.toMatchObject({ failure: 'TOKEN_EXPIRED' });
});

it('does not cache refusals', async () => {
  const verify = await createTokenVerifier({ mode: 'secret', secret }, () => new Date());
  const forged = await mintToken({ secret: 'another-secret-of-at-least-32-characters', officerId });
  await expect(verify(forged)).rejects.toBeInstanceOf(TokenError);
  await expect(verify(forged)).rejects.toMatchObject({ failure: 'TOKEN_INVALID' });
});
