import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/i18n/format';
import { useAreaName } from '../../../lib/reference-data';
import type { Incident } from '../api/use-incidents';
import { number, text } from '../../../lib/api/nullable';

export const personalDataWord = (affected: boolean | null | undefined) =>
  affected === true ? 'yes' : affected === false ? 'no' : 'unknown';

/** What was reported, in words: kind, where, when, by whom, how serious, what was done at once. */
export function IncidentFacts({
  incident,
  unitName,
}: {
  incident: Incident;
  unitName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const areaName = useAreaName();
  const severity = number(incident.severity);
  const immediate = text(incident.immediateActions);
  return (
    <dl className="facts">
      <dt>{t('incidents.fields.kind')}</dt>
      <dd>{incident.kind ? t(`common.incidentKinds.${incident.kind}`) : '–'}</dd>
      <dt>{t('incidents.fields.status')}</dt>
      <dd>
        <span className="status-word">{t(`common.incidentStatuses.${incident.status}`)}</span>
      </dd>
      <dt>{t('incidents.fields.area')}</dt>
      <dd>{areaName(incident.area)}</dd>
      <dt>{t('incidents.fields.unit')}</dt>
      <dd>{unitName(incident.unit)}</dd>
      <dt>{t('incidents.fields.occurredAt')}</dt>
      <dd>{format.dateTime(incident.occurredAt)}</dd>
      <dt>{t('incidents.fields.discoveredAt')}</dt>
      <dd>{format.dateTime(incident.discoveredAt)}</dd>
      <dt>{t('incidents.fields.personalData')}</dt>
      <dd>{t(`incidents.personalData.${personalDataWord(incident.personalDataAffected)}`)}</dd>
      <dt>{t('incidents.fields.reported')}</dt>
      <dd>
        {t('incidents.byAt', {
          at: format.dateTime(incident.reportedAt),
          by: incident.reportedBy,
        })}
      </dd>
      <dt>{t('incidents.fields.severity')}</dt>
      <dd>{severity ? t(`incidents.severity.${severity}`) : t('incidents.severity.none')}</dd>
      <dt>{t('incidents.fields.description')}</dt>
      <dd className="prose">{incident.description}</dd>
      <dt>{t('incidents.fields.immediateActions')}</dt>
      <dd className="prose">{immediate ?? '–'}</dd>
    </dl>
  );
}
