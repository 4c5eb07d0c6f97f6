import { useTranslation } from 'react-i18next';

export const LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] as const;
export type Level = (typeof LEVELS)[number];

/** A risk level: always in words, the colour only beside them. */
export function LevelBadge({ level }: { level: string | null | undefined }) {
  const { t } = useTranslation();
  const known = level && (LEVELS as readonly string[]).includes(level);
  return (
    <span className={`level level-${known ? level.toLowerCase().replace('_', '-') : 'none'}`}>
      {known ? t(`common.levels.${level}`) : t('common.levels.none')}
    </span>
  );
}
