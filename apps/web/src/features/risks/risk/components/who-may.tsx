import { useTranslation } from 'react-i18next';

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

export function roleList(
  t: (key: string, options?: Record<string, unknown>) => string,
  roles: readonly string[],
): string {
  const names = roles.map((role) =>
    t(`common.roles.${role}`, { defaultValue: role }).toLowerCase(),
  );
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${t('common.or')} ${names[names.length - 1]}`;
}
