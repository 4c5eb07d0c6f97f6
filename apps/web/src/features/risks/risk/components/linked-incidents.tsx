import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../lib/i18n/format';
import type { Risk } from '../api/use-risk';

export function LinkedIncidents({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (risk.linkedIncidents.length === 0) return <p>{t('risk.incidents.none')}</p>;
  return (
    <ul className="linked-incidents">
      {risk.linkedIncidents.map((link) => (
        <li key={link.incidentId}>
          <Link to="/incidenter/$incidentId" params={{ incidentId: link.incidentId }}>
            {t('risk.incidents.open', { id: link.incidentId.slice(0, 8) })}
          </Link>{' '}
          – {t(`risk.incidents.relations.${link.relation}`)},{' '}
          {t('risk.incidents.linkedAt', { date: format.dateTime(link.linkedAt) })}
        </li>
      ))}
    </ul>
  );
}
