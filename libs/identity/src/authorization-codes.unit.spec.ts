import { AuthorizationCodes, s256, TokenRequestError } from './authorization-codes';

describe('authorization codes', () => {
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const grant = {
    user: 'anna',
    clientId: 'riskledger-console',
    redirectUri: 'http://localhost:3000/callback',
    codeChallenge: s256(verifier),
    nonce: 'n-1',
  };
  const exchange = {
    clientId: grant.clientId,
    redirectUri: grant.redirectUri,
    codeVerifier: verifier,
  };
  const refusal = (redeem: () => unknown) => {
    try {
      redeem();
    } catch (error) {
      return error instanceof TokenRequestError ? `${error.error}: ${error.message}` : error;
    }
    return 'accepted';
  };

  it('computes the S256 challenge of RFC 7636 appendix B', () => {
    expect(s256(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('gives the grant back once, for the right verifier, client and redirect_uri', () => {
    const codes = new AuthorizationCodes<string>();
    const code = codes.issue(grant);
    expect(codes.redeem(code, exchange)).toEqual(grant);
    expect(refusal(() => codes.redeem(code, exchange))).toMatch(/^invalid_grant: .*used/);
  });

  it.each([
    [{ codeVerifier: 'x'.repeat(43) }, /^invalid_grant: code_verifier does not match/],
    [{ codeVerifier: 'short' }, /^invalid_request: code_verifier must be/],
    [{ clientId: 'other' }, /^invalid_grant: .*another client_id/],
    [{ redirectUri: 'http://localhost:3000/elsewhere' }, /^invalid_grant: redirect_uri differs/],
  ])('refuses %p, and the code is used up by the attempt', (change, reason) => {
    const codes = new AuthorizationCodes<string>();
    const code = codes.issue(grant);
    expect(refusal(() => codes.redeem(code, { ...exchange, ...change }))).toMatch(reason);
    expect(refusal(() => codes.redeem(code, exchange))).toMatch(/^invalid_grant/);
  });

  it('refuses a code 60 seconds after it was issued', () => {
    let now = 1_000_000;
    const codes = new AuthorizationCodes<string>(() => now);
    const code = codes.issue(grant);
    now += 59_999;
    const fresh = codes.issue(grant);
    expect(codes.redeem(fresh, exchange)).toEqual(grant);
    now += 1;
    expect(refusal(() => codes.redeem(code, exchange))).toMatch(/expired/);
  });
});
