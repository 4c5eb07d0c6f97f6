import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LevelBadge } from '../../../components/level';
import { Refusal } from '../../../components/refusal';
import { useFormat } from '../../../lib/i18n/format';
import {
  useIncidents,
  useRisks,
  type IncidentEntry,
  type IncidentFilter,
  type RiskEntry,
  type RiskFilter,
} from '../api/use-my-work';

/**
 * One kind of work: how much there is, the first of it as links to where it is done, and a link
 * to all of it in its list.
 */
function WorkList<T>({
  id,
  title,
  query,
  empty,
  all,
  item,
}: {
  id: string;
  title: string;
  query: { data?: { total: number; items: T[] }; error: unknown; isPending: boolean };
  empty: string;
  all: ReactNode;
  item: (entry: T) => { key: string; link: ReactNode; detail: ReactNode };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = query.data?.total ?? 0;
  return (
    <section className="section work-list" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title} <span className="count">({format.number(total)})</span>
      </h2>
      <Refusal error={query.error} />
      {query.isPending && <p role="status">{t('common.loading')}</p>}
      {query.data &&
        (total === 0 ? (
          <p className="muted">{empty}</p>
        ) : (
          <>
            <ul className="attention">
              {query.data.items.map((entry) => {
                const { key, link, detail } = item(entry);
                return (
                  <li key={key}>
                    {link}
                    <span>{detail}</span>
                  </li>
                );
              })}
            </ul>
            {total > query.data.items.length && <p>{all}</p>}
          </>
        ))}
    </section>
  );
}

/** A list of the reader's risks: each a link with its level and what is due. */
export function RiskWork({
  id,
  filter,
  detail,
}: {
  id: string;
  filter: RiskFilter | undefined;
  detail: (risk: RiskEntry) => string;
}) {
  const { t } = useTranslation();
  return (
    <WorkList
      id={id}
      title={t(`myWork.${id}.title`)}
      query={useRisks(filter)}
      empty={t(`myWork.${id}.none`)}
      all={
        <Link to="/risker" search={filter}>
          {t('myWork.all')}
        </Link>
      }
      item={(risk) => ({
        key: risk.riskId,
        link: (
          <Link to="/risker/$riskId" params={{ riskId: risk.riskId }}>
            {risk.title}
          </Link>
        ),
        detail: (
          <>
            <LevelBadge level={risk.level} /> {detail(risk)}
          </>
        ),
      })}
    />
  );
}

/** A list of incidents waiting for the reader: each a link with when it happened or came in. */
export function IncidentWork({
  id,
  filter,
  detail,
}: {
  id: string;
  filter: IncidentFilter;
  detail: (incident: IncidentEntry) => string;
}) {
  const { t } = useTranslation();
  return (
    <WorkList
      id={id}
      title={t(`myWork.${id}.title`)}
      query={useIncidents(filter)}
      empty={t(`myWork.${id}.none`)}
      all={
        <Link to="/incidenter" search={filter}>
          {t('myWork.all')}
        </Link>
      }
      item={(incident) => ({
        key: incident.incidentId,
        link: (
          <Link to="/incidenter/$incidentId" params={{ incidentId: incident.incidentId }}>
            {incident.title}
          </Link>
        ),
        detail: detail(incident),
      })}
    />
  );
}
