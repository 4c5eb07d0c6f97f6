import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/page';
import { Refusal } from '../../../components/refusal';
import { useFormat } from '../../../lib/i18n/format';
import { useIncidentChain } from '../api/use-incident-chain';
import { text } from '../../../lib/api/nullable';

/**
 * The chain of what followed from the incident, from the log: its own events, and those on risks
 * (a review, a new mitigation) whose causation names it, each with who and when.
 */
export function ChainSection({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const chain = useIncidentChain(incidentId, true);
  return (
    <Section title={t('incidents.chain.title')} id="kedja">
      <p className="muted">{t('incidents.chain.intro')}</p>
      {chain.isPending && <p>{t('common.loading')}</p>}
      <Refusal error={chain.error} />
      {chain.data && (
        <ol className="timeline">
          {chain.data.map((entry) => {
            const reason = text(entry.reason);
            return (
              <li key={entry.eventId}>
                <strong>
                  {t(`common.eventTypes.${entry.eventType}`, { defaultValue: entry.eventType })}
                </strong>
                <br />
                <span>
                  {t('incidents.byAt', {
                    at: format.dateTime(entry.recordedAt),
                    by: text(entry.actorName) ?? entry.actor,
                  })}
                </span>
                {entry.link !== 'INCIDENT' && (
                  <>
                    <br />
                    <span className="muted">{t(`incidents.chain.links.${entry.link}`)}</span>{' '}
                    {entry.streamType === 'risk' ? (
                      <Link to="/risker/$riskId" params={{ riskId: entry.streamId }}>
                        {t('incidents.chain.openRisk')}
                      </Link>
                    ) : entry.streamType === 'incident' && entry.streamId !== incidentId ? (
                      <Link to="/incidenter/$incidentId" params={{ incidentId: entry.streamId }}>
                        {t('incidents.chain.openIncident')}
                      </Link>
                    ) : null}
                  </>
                )}
                {reason && (
                  <>
                    <br />
                    <span>{t('incidents.chain.reason', { reason })}</span>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
