import { s256 } from '@riskledger/identity';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { randomBytes } from 'node:crypto';
import { startApi, type ApiUnderTest } from '../../../../test/support/api-under-test';

const CLIENT_ID = 'riskledger-console';

/** A browser's view: redirects are looked at, not followed; the session cookie is kept by hand. */
async function browse(url: string, init: RequestInit = {}) {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // a page or nothing
  }
  return {
    status: response.status,
    headers: response.headers,
    location: response.headers.get('location') ?? '',
    cookies: response.headers.getSetCookie(),
    body,
  };
}

/** The content security policy as directive → sources. */
function policyOf(headers: Headers): Record<string, string> {
  const policy = headers.get('content-security-policy') ?? '';
  return Object.fromEntries(
    policy.split(';').map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources.join(' ')];
    }),
  );
}

/** What oidc-client-ts does before sending the browser to the issuer. */
function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: s256(verifier) };
}

/** The development issuer, walked through as the console's sign-in does it. */
describe('sign-in with the development issuer', () => {
  let t: ApiUnderTest;
  let redirectUri: string;

  beforeAll(async () => {
    t = await startApi();
    redirectUri = `${t.baseUrl}/inloggad`;
  });
  afterAll(() => t?.stop());

  const authorization = (challenge: string, extra: Record<string, string> = {}) => ({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: redirectUri,
    state: 'state-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: 'openid profile',
    nonce: 'nonce-1',
    ...extra,
  });
  const authorizeUrl = (parameters: Record<string, string>) =>
    `${t.baseUrl}/dev-issuer/authorize?${new URLSearchParams(parameters)}`;
  const signInAs = (challenge: string, user: Record<string, unknown>, extra = {}) =>
    browse(`${t.baseUrl}/dev-issuer/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...authorization(challenge, extra), user }),
    });
  const exchange = (form: Record<string, string>) =>
    browse(`${t.baseUrl}/dev-issuer/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        redirect_uri: redirectUri,
        client_id: CLIENT_ID,
        ...form,
      }),
    });
  const codeIn = (location: string) => {
    const url = new URL(location);
    expect(`${url.origin}${url.pathname}`).toBe(redirectUri);
    expect(url.searchParams.get('state')).toBe('state-1');
    return url.searchParams.get('code') as string;
  };
  const riskOwner = {
    subject: 'per.holm',
    name: 'Per Holm',
    role: 'RISK_OWNER',
    units: ['SU-ONK'],
    cleared: false,
    sessionMinutes: 30,
  };

  it('tells the console to sign in at the development issuer', async () => {
    const configuration = await browse(`${t.baseUrl}/sign-in/configuration`);
    expect(configuration.status).toBe(200);
    expect(configuration.body).toEqual({
      authority: '/dev-issuer',
      clientId: CLIENT_ID,
      scope: 'openid profile',
      developmentIssuer: true,
    });
    const discovery = await browse(`${t.baseUrl}/dev-issuer/.well-known/openid-configuration`);
    expect(discovery.body).toMatchObject({
      issuer: 'urn:riskledger:development-issuer',
      authorization_endpoint: `${t.baseUrl}/dev-issuer/authorize`,
      token_endpoint: `${t.baseUrl}/dev-issuer/token`,
      end_session_endpoint: `${t.baseUrl}/dev-issuer/end-session`,
      jwks_uri: `${t.baseUrl}/dev-issuer/jwks`,
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['ES256'],
    });
    const jwks = await browse(`${t.baseUrl}/dev-issuer/jwks`);
    expect(jwks.body.keys).toEqual([expect.objectContaining({ kty: 'EC', alg: 'ES256' })]);
    expect(jwks.body.keys[0].d).toBeUndefined();
  });

  it('signs a user in with code and PKCE: tokens the API accepts, with their role and scope', async () => {
    const { verifier, challenge } = pkce();
    const start = await browse(authorizeUrl(authorization(challenge)));
    expect(start.status).toBe(302);
    expect(start.location).toBe(
      `/utvecklingsinloggning?${new URLSearchParams(authorization(challenge))}`,
    );

    // The page may post back all it was given, parameters the issuer ignores included.
    const signedIn = await signInAs(challenge, riskOwner, { ui_locales: 'sv', prompt: 'login' });
    expect(signedIn.status).toBe(200);
    const [cookie] = signedIn.cookies;
    expect(cookie).toMatch(/^riskledger_dev_session=[^;]+; Max-Age=1800; Path=\/dev-issuer;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);

    const tokens = await exchange({
      code: codeIn(signedIn.body.location),
      code_verifier: verifier,
    });
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('cache-control')).toBe('no-store');
    expect(tokens.body).toMatchObject({ token_type: 'Bearer', scope: 'openid profile' });
    expect(tokens.body.expires_in).toBeGreaterThan(1790);
    expect(tokens.body.expires_in).toBeLessThanOrEqual(1800);
    expect(decodeJwt(tokens.body.access_token)).toMatchObject({
      iss: 'urn:riskledger:development-issuer',
      sub: 'per.holm',
      name: 'Per Holm',
      roles: ['RISK_OWNER:unit=SU-ONK'],
      riskledger_cleared: false,
    });

    const keys = createLocalJWKSet((await browse(`${t.baseUrl}/dev-issuer/jwks`)).body);
    const { payload: idToken } = await jwtVerify(tokens.body.id_token, keys, {
      issuer: 'urn:riskledger:development-issuer',
      audience: CLIENT_ID,
    });
    expect(idToken).toMatchObject({ sub: 'per.holm', name: 'Per Holm', nonce: 'nonce-1' });

    const bearer = { Authorization: `Bearer ${tokens.body.access_token}` };
    expect((await browse(`${t.baseUrl}/risks`, { headers: bearer })).status).toBe(200);
    const forbidden = await browse(`${t.baseUrl}/dead-letters`, { headers: bearer });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toContain('you hold RISK_OWNER');
  });

  it('refuses a wrong verifier, a code used twice, and a code for another redirect_uri', async () => {
    const { verifier, challenge } = pkce();
    const wrong = await exchange({
      code: codeIn((await signInAs(challenge, riskOwner)).body.location),
      code_verifier: pkce().verifier,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({
      error: 'invalid_grant',
      error_description: 'code_verifier does not match code_challenge',
    });

    const code = codeIn((await signInAs(challenge, riskOwner)).body.location);
    expect((await exchange({ code, code_verifier: verifier })).status).toBe(200);
    const again = await exchange({ code, code_verifier: verifier });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');

    const other = codeIn((await signInAs(challenge, riskOwner)).body.location);
    const elsewhere = await exchange({
      code: other,
      code_verifier: verifier,
      redirect_uri: `${t.baseUrl}/elsewhere`,
    });
    expect(elsewhere.body).toEqual({
      error: 'invalid_grant',
      error_description: 'redirect_uri differs from the authorization',
    });
  });

  it('answers a malformed token request in the OAuth form, naming the field', async () => {
    const response = await exchange({ grant_type: 'password', code: 'x', code_verifier: 'y' });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_request');
    expect(response.body.error_description).toContain('grant_type must be authorization_code');
  });

  it('never redirects to another origin, and refuses what it does not serve', async () => {
    const { challenge } = pkce();
    const foreign = { redirect_uri: 'https://evil.example/callback' };
    const viaPage = await browse(authorizeUrl(authorization(challenge, foreign)));
    expect(viaPage.status).toBe(400);
    expect(viaPage.body).toMatchObject({
      field: 'redirect_uri',
      message: expect.stringMatching(/^redirect_uri: must be an absolute URL on http:\/\/127/),
    });
    expect(
      (await browse(authorizeUrl(authorization(challenge, { ...foreign, prompt: 'none' })))).status,
    ).toBe(400);
    const posted = await signInAs(challenge, riskOwner, foreign);
    expect(posted.status).toBe(400);
    expect(posted.cookies).toEqual([]);

    const { response_type: _omitted, ...noType } = authorization(challenge);
    const missing = await browse(authorizeUrl(noType));
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('response_type must be code');
    const plain = await browse(
      authorizeUrl(authorization(challenge, { code_challenge_method: 'plain' })),
    );
    expect(plain.body.message).toContain('code_challenge_method must be S256');
    const implicit = await browse(
      authorizeUrl(authorization(challenge, { response_type: 'token' })),
    );
    expect(implicit.status).toBe(400);
  });

  it('refuses a user it cannot sign a token for, naming the field', async () => {
    const { challenge } = pkce();
    const response = await signInAs(challenge, {
      ...riskOwner,
      role: 'KING',
      units: ['A,B'],
      sessionMinutes: 721,
    });
    expect(response.status).toBe(400);
    expect(response.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'user.role',
      'user.sessionMinutes',
      'user.units',
    ]);
  });

  it('signs the user in again silently while the session cookie lasts (prompt=none), and not after sign-out', async () => {
    const { verifier, challenge } = pkce();
    const signedIn = await signInAs(challenge, { ...riskOwner, role: 'SECURITY_COORDINATOR' });
    const session = signedIn.cookies[0].split(';')[0];
    const silent = authorizeUrl(authorization(challenge, { prompt: 'none' }));

    const renewed = await browse(silent, { headers: { cookie: session } });
    expect(renewed.status).toBe(302);
    const tokens = await exchange({ code: codeIn(renewed.location), code_verifier: verifier });
    expect(decodeJwt(tokens.body.access_token)).toMatchObject({
      sub: 'per.holm',
      roles: ['SECURITY_COORDINATOR:unit=SU-ONK'],
    });
    expect(tokens.body.expires_in).toBeLessThanOrEqual(1800);

    const loginRequired = (location: string) => {
      const url = new URL(location);
      expect(url.searchParams.get('code')).toBeNull();
      return [url.searchParams.get('error'), url.searchParams.get('state')];
    };
    const anonymous = await browse(silent);
    expect(anonymous.status).toBe(302);
    expect(loginRequired(anonymous.location)).toEqual(['login_required', 'state-1']);
    const forged = await browse(silent, { headers: { cookie: `${session}x` } });
    expect(loginRequired(forged.location)).toEqual(['login_required', 'state-1']);
    const accessTokenAsSession = await browse(silent, {
      headers: { cookie: `riskledger_dev_session=${tokens.body.access_token}` },
    });
    expect(loginRequired(accessTokenAsSession.location)).toEqual(['login_required', 'state-1']);

    const signOut = await browse(
      `${t.baseUrl}/dev-issuer/end-session?${new URLSearchParams({
        post_logout_redirect_uri: `${t.baseUrl}/`,
        state: 'bye',
      })}`,
      { headers: { cookie: session } },
    );
    expect(signOut.status).toBe(302);
    expect(signOut.location).toBe(`${t.baseUrl}/?state=bye`);
    expect(signOut.cookies[0]).toMatch(
      /^riskledger_dev_session=; Path=\/dev-issuer; Expires=Thu, 01 Jan 1970/,
    );
    const foreign = await browse(
      `${t.baseUrl}/dev-issuer/end-session?post_logout_redirect_uri=https://evil.example/`,
    );
    expect(foreign.location).toBe('/');
  });

  it("serves its pages under a policy that allows this origin's scripts only", async () => {
    const policy = policyOf((await browse(`${t.baseUrl}/sign-in/configuration`)).headers);
    expect(policy).toMatchObject({
      'script-src': "'self'",
      'script-src-attr': "'none'",
      'connect-src': "'self'",
      'frame-src': "'self'",
      'form-action': "'self'",
    });
    expect(policy).not.toHaveProperty('upgrade-insecure-requests');

    // Swagger UI and the AsyncAPI page render only if every script they need is a file from here.
    const docs = await browse(`${t.baseUrl}/docs`);
    const scripts = [...(docs.body as string).matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(inline.trim()).toBe('');
      const src = /src="([^"]+)"/.exec(attributes)?.[1] as string;
      // resolved against the page, as the browser does
      const file = await fetch(new URL(src, `${t.baseUrl}/docs`));
      expect(file.status).toBe(200);
    }
    const asyncapi = await browse(`${t.baseUrl}/asyncapi`);
    expect(asyncapi.status).toBe(200);
    expect(asyncapi.body).not.toContain('<script');
  });
});

describe("sign-in at the region's identity provider (AUTH_MODE=oidc)", () => {
  const env = {
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: 'https://login.region.example/realms/vgr',
    OIDC_AUDIENCE: 'api://riskledger',
    OIDC_JWKS_URL: 'https://login.region.example/realms/vgr/protocol/openid-connect/certs',
    OIDC_CONSOLE_CLIENT_ID: 'riskledger-web',
  };
  let t: ApiUnderTest;

  beforeAll(async () => {
    Object.assign(process.env, env);
    t = await startApi();
  });
  afterAll(async () => {
    for (const name of Object.keys(env)) delete process.env[name];
    await t?.stop();
  });

  it('tells the console to sign in at the configured issuer', async () => {
    const configuration = await browse(`${t.baseUrl}/sign-in/configuration`);
    expect(configuration.body).toEqual({
      authority: 'https://login.region.example/realms/vgr',
      clientId: 'riskledger-web',
      scope: 'openid profile',
      developmentIssuer: false,
    });
    expect(policyOf(configuration.headers)).toMatchObject({
      'script-src': "'self'",
      'connect-src': "'self' https://login.region.example",
      'frame-src': "'self' https://login.region.example",
      'form-action': "'self' https://login.region.example",
      'upgrade-insecure-requests': '',
    });
  });

  it('has no development issuer', async () => {
    const { challenge } = pkce();
    for (const path of [
      '/dev-issuer/.well-known/openid-configuration',
      '/dev-issuer/jwks',
      `/dev-issuer/authorize?response_type=code&client_id=${CLIENT_ID}&code_challenge=${challenge}`,
      '/dev-issuer/end-session',
    ]) {
      expect([path, (await browse(`${t.baseUrl}${path}`)).status]).toEqual([path, 404]);
    }
    const token = await browse(`${t.baseUrl}/dev-issuer/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&code=x',
    });
    expect(token.status).toBe(404);
  });
});
