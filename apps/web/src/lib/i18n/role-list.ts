/** Roles in words in a sentence: "säkerhetssamordnare, områdesansvarig eller riskägare". */
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
