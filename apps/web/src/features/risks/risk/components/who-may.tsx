import { useTranslation } from 'react-i18next';
import { roleList } from '../../../../lib/i18n/role-list';

/** Says who may do something, and whether the reader may: roles in words, never just a hidden form. */
export function WhoMay({ roles, allowed }: { roles: readonly string[]; allowed: boolean }) {
  const { t } = useTranslation();
  const names = roleList(t, roles);
  return (
    <p className={allowed ? 'muted' : 'notice'}>
      {allowed
        ? t('risk.whoMay.allowed', { roles: names })
        : t('risk.whoMay.notAllowed', { roles: names })}
    </p>
  );
}
