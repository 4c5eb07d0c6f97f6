import { useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { signIn, signInConfiguration } from '../../lib/auth/session';

/**
 * Where a person without a session lands: on any page (which stays in the address, to return to),
 * or after their session expired (what they had typed is kept as a draft).
 */
export function SignInPage({ expired = false }: { expired?: boolean }) {
  const { t } = useTranslation();
  const location = useRouterState({ select: (state) => state.location });
  const [busy, setBusy] = useState(false);
  const signedOut =
    location.pathname === '/logga-in' && new URLSearchParams(location.searchStr).has('utloggad');
  const returnTo = location.pathname === '/logga-in' ? '/' : location.href;
  const development = signInConfiguration()?.developmentIssuer ?? false;
  return (
    <Page title={t('signIn.title')}>
      {expired && (
        <p className="notice" role="status">
          {t('signIn.expired')}
        </p>
      )}
      {signedOut && (
        <p className="notice" role="status">
          {t('signIn.signedOut')}
        </p>
      )}
      <p>{t('signIn.intro')}</p>
      <p>{development ? t('signIn.viaDevelopment') : t('signIn.viaRegion')}</p>
      <button
        type="button"
        className="button primary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void signIn(returnTo).catch(() => setBusy(false));
        }}
      >
        {t('signIn.button')}
      </button>
    </Page>
  );
}
