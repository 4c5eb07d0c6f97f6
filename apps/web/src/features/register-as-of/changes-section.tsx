import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/page';
import { Refusal } from '../../components/refusal';
import { text } from '../../lib/api/nullable';
import { useFormat } from '../../lib/i18n/format';
import { useAreaName } from '../../lib/reference-data';
import { useRegisterChanges, type RegisterChange } from './use-register-as-of';

const KINDS = ['appeared', 'levelChanged', 'closed', 'reopened'] as const;

/** The comparison of two moments: each kind of change a list of risks, each a link. */
export function ChangesSection({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const areaName = useAreaName();
  const changes = useRegisterChanges(from, to);
  const levelName = (level: unknown) =>
    text(level) ? t(`common.levels.${text(level)}`) : t('registerAsOf.notAssessed');
  const describe = (kind: (typeof KINDS)[number], change: RegisterChange) =>
    kind === 'levelChanged'
      ? t('registerAsOf.levelFromTo', {
          from: levelName(change.before?.level),
          to: levelName(change.after.level),
        })
      : levelName(change.after.level);
  return (
    <Section
      title={t('registerAsOf.changesTitle', {
        from: format.dateTime(from),
        to: format.dateTime(to),
      })}
      id="changes"
    >
      {changes.isPending && <p>{t('registerAsOf.reading')}</p>}
      <Refusal error={changes.error} />
      {changes.data &&
        KINDS.map((kind) => {
          const list = changes.data[kind];
          return (
            <div key={kind} className="change-group">
              <h3>{t(`registerAsOf.kinds.${kind}`, { count: list.length })}</h3>
              {list.length === 0 ? (
                <p className="muted">{t('registerAsOf.none')}</p>
              ) : (
                <ul>
                  {list.map((change) => (
                    <li key={change.riskId}>
                      <Link to="/risker/$riskId" params={{ riskId: change.riskId }}>
                        {change.title}
                      </Link>{' '}
                      <span className="muted">
                        {areaName(change.area)} · {describe(kind, change)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
    </Section>
  );
}
