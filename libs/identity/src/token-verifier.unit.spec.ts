import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEVELOPMENT_AUDIENCE, DEVELOPMENT_ISSUER, DevelopmentIssuer } from './development-issuer';
import { AuthenticationError, TokenVerifier } from './token-verifier';

const keyFile = () => join(mkdtempSync(join(tmpdir(), 'riskledger-issuer-')), 'key.json');

describe('TokenVerifier', () => {
  let issuer: DevelopmentIssuer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    issuer = await DevelopmentIssuer.load(keyFile());
    verifier = new TokenVerifier(issuer.keys(), DEVELOPMENT_ISSUER, DEVELOPMENT_AUDIENCE);
  });

  const refusal = async (token: string) => {
    const error = await verifier.verify(token).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    return (error as Error).message;
  };

  it('reads subject, name, grants and clearance from a valid token', async () => {
    const token = await issuer.sign({
      subject: 'u-17',
      name: 'Åsa Öberg',
      grants: [
        { role: 'RISK_OWNER', units: ['SU-ONK'], areas: null },
        { role: 'AREA_RESPONSIBLE', units: null, areas: ['IT_SECURITY', 'FIRE_SAFETY'] },
      ],
      cleared: true,
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'u-17',
      name: 'Åsa Öberg',
      grants: [
        { role: 'RISK_OWNER', units: ['SU-ONK'], areas: null },
        { role: 'AREA_RESPONSIBLE', units: null, areas: ['IT_SECURITY', 'FIRE_SAFETY'] },
      ],
      cleared: true,
      validUntil: expect.any(Number),
    });
  });

  it('says until when the token is valid: its expiry, to the second', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const token = await issuer.sign({ subject: 'u-2', grants: [], expiresIn: 600 });
    const { validUntil } = await verifier.verify(token);
    expect(validUntil! % 1000).toBe(0);
    expect(validUntil! - before).toBeGreaterThanOrEqual(600_000);
    expect(validUntil! - before).toBeLessThanOrEqual(602_000);
  });

  it('refuses an expired token', async () => {
    const token = await issuer.sign({ subject: 'u-1', grants: [], expiresIn: -120 });
    expect(await refusal(token)).toBe('the token has expired');
  });

  it('refuses a token from another issuer', async () => {
    const other = new TokenVerifier(issuer.keys(), 'https://idp.region.se', DEVELOPMENT_AUDIENCE);
    const token = await issuer.sign({ subject: 'u-1', grants: [] });
    const error = await other.verify(token).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      'the token was issued by an issuer this API does not trust',
    );
  });

  it('refuses a token meant for another audience', async () => {
    const other = new TokenVerifier(issuer.keys(), DEVELOPMENT_ISSUER, 'another-api');
    const token = await issuer.sign({ subject: 'u-1', grants: [] });
    const error = await other.verify(token).catch((e: Error) => e);
    expect((error as Error).message).toBe('the token is meant for another audience');
  });

  it('refuses a token signed by a key the issuer does not hold', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const kid = (await exportJWK((await generateKeyPair('ES256')).publicKey)).kid;
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject('mallory')
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(DEVELOPMENT_AUDIENCE)
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await refusal(forged)).toMatch(/signature does not verify|unknown key/);
  });

  it('refuses a token whose payload was edited after signing', async () => {
    const token = await issuer.sign({ subject: 'u-1', grants: [] });
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({
        sub: 'u-1',
        roles: ['ADMINISTRATOR'],
        iss: DEVELOPMENT_ISSUER,
        aud: DEVELOPMENT_AUDIENCE,
        exp: Math.floor(Date.now() / 1000) + 3600,
      }),
    ).toString('base64url');
    expect(await refusal(`${header}.${payload}.${signature}`)).toBe(
      'the token signature does not verify',
    );
  });

  it('refuses an unsigned (alg none) token', async () => {
    const unsigned = new UnsecuredJWT({ roles: ['ADMINISTRATOR'] })
      .setSubject('mallory')
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(DEVELOPMENT_AUDIENCE)
      .setExpirationTime('1h')
      .encode();
    expect(await refusal(unsigned)).toMatch(/refused algorithm|malformed/);
  });

  it('refuses a token without a subject', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), alg: 'ES256' }] });
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('i')
      .setAudience('a')
      .setExpirationTime('1h')
      .sign(privateKey);
    const error = await new TokenVerifier(keys, 'i', 'a').verify(token).catch((e: Error) => e);
    expect((error as Error).message).toBe("the token's sub claim is missing or invalid");
  });

  it.each(['', 'abc', 'a.b.c', 'Bearer x'])('refuses garbage %p', async (garbage) => {
    expect(await refusal(garbage)).toBe('the token is malformed');
  });

  it('reads the same key from the file in another process (a second load)', async () => {
    const file = keyFile();
    const first = await DevelopmentIssuer.load(file);
    const second = await DevelopmentIssuer.load(file);
    const token = await first.sign({ subject: 'u-2', grants: [] });
    const other = new TokenVerifier(second.keys(), DEVELOPMENT_ISSUER, DEVELOPMENT_AUDIENCE);
    await expect(other.verify(token)).resolves.toMatchObject({ subject: 'u-2' });
  });

  describe('a token it verified', () => {
    afterEach(() => jest.useRealTimers());

    const refusalBy = async (verifier: TokenVerifier, token: string) =>
      (
        (await verifier.verify(token).then(
          () => null,
          (e: unknown) => e,
        )) as Error | null
      )?.message;

    const countingVerifier = () => {
      const keys = issuer.keys();
      const counted = { checks: 0 };
      const verifier = new TokenVerifier(
        (header, token) => {
          counted.checks++;
          return keys(header, token);
        },
        DEVELOPMENT_ISSUER,
        DEVELOPMENT_AUDIENCE,
      );
      return { verifier, counted };
    };

    it('is taken on trust again for a minute, then checked again', async () => {
      jest.useFakeTimers({ now: new Date('2026-12-05T12:00:00Z'), doNotFake: ['nextTick'] });
      const { verifier: remembering, counted } = countingVerifier();
      const token = await issuer.sign({ subject: 'u-3', grants: [], expiresIn: 3600 });
      await remembering.verify(token);
      await expect(remembering.verify(token)).resolves.toMatchObject({ subject: 'u-3' });
      expect(counted.checks).toBe(1);
      jest.setSystemTime(new Date('2026-12-05T12:01:01Z'));
      await expect(remembering.verify(token)).resolves.toMatchObject({ subject: 'u-3' });
      expect(counted.checks).toBe(2);
    });

    it('is refused once it has expired, remembered or not', async () => {
      jest.useFakeTimers({ now: new Date('2026-12-05T12:00:00Z'), doNotFake: ['nextTick'] });
      const { verifier: remembering } = countingVerifier();
      const token = await issuer.sign({ subject: 'u-4', grants: [], expiresIn: 20 });
      await remembering.verify(token);
      // Past the expiry and its 30 s of clock tolerance, within the minute it could be remembered.
      jest.setSystemTime(new Date('2026-12-05T12:00:55Z'));
      expect(await refusalBy(remembering, token)).toBe('the token has expired');
    });

    it('is not remembered when it was refused', async () => {
      const { verifier: remembering, counted } = countingVerifier();
      const token = await issuer.sign({ subject: 'u-5', grants: [], expiresIn: -120 });
      await remembering.verify(token).catch(() => undefined);
      await remembering.verify(token).catch(() => undefined);
      expect(counted.checks).toBe(2);
    });
  });
});
