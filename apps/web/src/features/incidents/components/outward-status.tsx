import { useTranslation } from 'react-i18next';
import type { Incident } from '../api/use-incidents';

/** The reports to authorities that the incident's kind requires, missing ones first, in words. */
export function OutwardStatus({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  if (incident.outwardReportsRequired.length === 0) return null;
  const missing = incident.outwardReportsMissing;
  const final = incident.status === 'CLOSED' || incident.status === 'DISMISSED';
  return (
    <ul className={missing.length > 0 && !final ? 'notice warning plain' : 'notice plain'}>
      {incident.outwardReportsRequired.map((authority) => (
        <li key={authority}>
          {t(missing.includes(authority) ? 'incidents.outward.missing' : 'incidents.outward.made', {
            authority: t(`incidents.authorities.${authority}`),
          })}
        </li>
      ))}
    </ul>
  );
}
