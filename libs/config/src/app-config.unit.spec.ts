import { ConfigError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://localhost/test', KAFKA_BROKERS: '127.0.0.1:9092' };
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig({ ...base, ...env });
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('sign-in settings', () => {
  it('runs with the development issuer by default', () => {
    expect(loadConfig(base).AUTH_MODE).toBe('development');
  });

  it('refuses the development issuer in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'AUTH_MODE must be oidc when NODE_ENV is production: the development issuer is for local use only',
    ]);
  });

  it('needs issuer, audience and JWKS URL for OIDC, naming each', () => {
    const problems = problemsOf({ AUTH_MODE: 'oidc', OIDC_JWKS_URL: 'not a url' });
    expect(problems.join('\n')).toMatch(/OIDC_ISSUER is required/);
    expect(problems.join('\n')).toMatch(/OIDC_AUDIENCE is required/);
    expect(problems.join('\n')).toMatch(/OIDC_JWKS_URL must be/);
  });

  it('accepts a complete OIDC configuration in production', () => {
    const config = loadConfig({
      ...base,
      NODE_ENV: 'production',
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: 'https://login.region.se/realms/vgr',
      OIDC_AUDIENCE: 'riskledger',
      OIDC_JWKS_URL: 'https://login.region.se/realms/vgr/protocol/openid-connect/certs',
    });
    expect(config.OIDC_AUDIENCE).toBe('riskledger');
  });

  it('refuses an unknown AUTH_MODE and a CORS origin that is not a URL', () => {
    expect(problemsOf({ AUTH_MODE: 'none' })).toEqual(['AUTH_MODE must be oidc or development']);
    expect(problemsOf({ CORS_ORIGINS: 'risk.region.se' })[0]).toMatch(/CORS_ORIGINS/);
  });
});
