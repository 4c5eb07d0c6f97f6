import { UserManager } from 'oidc-client-ts';

/**
 * The hidden frame of a silent sign-in (/inloggning/tyst) only hands the provider's answer to the
 * page that opened it. It is a page of its own, so that each reload and each renewal does not load
 * and start the whole console a second time; handing the answer on needs no settings but these.
 */
void new UserManager({
  authority: window.location.origin,
  client_id: 'riskledger-console',
  redirect_uri: window.location.href,
}).signinSilentCallback();
