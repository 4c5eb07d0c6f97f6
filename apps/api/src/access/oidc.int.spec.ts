import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApi, type ApiUnderTest } from '../../../../test/support/api-under-test';
import { httpClient } from '../../../../test/support/http';
import { bearerFor } from '../../../../test/support/sign-in';

/** The API against an identity provider of its own (a JWKS endpoint), as a region connects one. */
describe('sign-in with an OpenID Connect provider', () => {
  const issuer = 'https://login.region.example/realms/vgr';
  let jwks: Server;
  let t: ApiUnderTest;
  let sign: (claims: Record<string, unknown>, iss?: string) => Promise<string>;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-key-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    sign = (claims, iss = issuer) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'idp-key-1' })
        .setSubject('u-2001')
        .setIssuer(iss)
        .setAudience('api://riskledger')
        .setExpirationTime('10m')
        .sign(privateKey);
    Object.assign(process.env, {
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: issuer,
      OIDC_AUDIENCE: 'api://riskledger',
      OIDC_JWKS_URL: `http://127.0.0.1:${port}/certs`,
      OIDC_ROLES_CLAIM: 'riskledger_roles',
      OIDC_NAME_CLAIM: 'preferred_name',
    });
    t = await startApi();
  });
  afterAll(async () => {
    for (const key of ['AUTH_MODE', 'OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL']) {
      delete process.env[key];
    }
    delete process.env.OIDC_ROLES_CLAIM;
    delete process.env.OIDC_NAME_CLAIM;
    await t?.stop();
    jwks.close();
  });

  const as = async (token: string) => httpClient(t.baseUrl, { Authorization: `Bearer ${token}` });

  it("accepts the provider's token, with roles and name from the configured claims", async () => {
    const token = await sign({ riskledger_roles: ['RISK_OWNER'], preferred_name: 'Per Holm' });
    const api = await as(token);
    const created = await api.post('/risks', {
      title: 'Backup tapes stored in the server room',
      description: 'Because the tapes are stored next to the servers, a fire destroys both.',
      area: 'IT_SECURITY',
      unit: 'IT department',
    });
    expect(created.status).toBe(201);
    const [event] = await t.store.readStream(created.body.id);
    expect(event.metadata).toMatchObject({ actor: 'u-2001', actorName: 'Per Holm' });
  });

  it('refuses a token from another issuer, and one whose roles claim holds no riskledger role', async () => {
    const foreign = await sign({ riskledger_roles: ['RISK_OWNER'] }, 'https://evil.example');
    expect((await (await as(foreign)).get('/risks')).status).toBe(401);
    const noRoles = await sign({ roles: ['RISK_OWNER'] });
    const response = await (await as(noRoles)).get('/risks');
    expect(response.status).toBe(403);
    expect(response.body.message).toContain('you hold none');
  });

  it('does not accept tokens of the development issuer', async () => {
    const token = await bearerFor('anna.berg@region.se');
    expect((await (await as(token)).get('/risks')).status).toBe(401);
  });
});
