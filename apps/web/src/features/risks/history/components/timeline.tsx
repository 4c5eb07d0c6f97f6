import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../lib/i18n/format';
import type { HistoryEntry } from '../api/use-risk-history';
import { text } from '../../../../lib/api/nullable';

/**
 * Every event as a timeline entry: what (in plain words, with the log's own summary), who, when,
 * why, and the correlation and causation that tie it to the flow and the incident it came from.
 */
export function Timeline({
  riskId,
  entries,
  incidentIds,
}: {
  riskId: string;
  entries: HistoryEntry[];
  /** Incidents this risk is tied to: a causation naming one of them links to it. */
  incidentIds: Set<string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ol className="timeline">
      {entries.map((entry) => {
        const causation = text(entry.causationId);
        const reason = text(entry.reason);
        return (
          <li key={entry.position}>
            <h3>{t(`common.eventTypes.${entry.type}`, { defaultValue: entry.type })}</h3>
            <p className="event-meta">
              {t('risk.history.byAt', {
                who: text(entry.actorName) ?? entry.actor,
                when: format.dateTime(entry.recordedAt),
              })}
            </p>
            <p className="event-meta muted">
              <span className="visually-hidden">{t('risk.history.summary')}: </span>
              <span lang="en">{entry.summary}</span>
            </p>
            {reason && (
              <p className="event-meta">
                <strong>{t('risk.history.why')}:</strong> {reason}
              </p>
            )}
            {entry.importedFrom && (
              <p className="event-meta">
                {t('risk.history.importedFrom', {
                  row: entry.importedFrom.row,
                  sha: entry.importedFrom.fileSha256.slice(0, 12),
                })}
              </p>
            )}
            <dl className="event-ids">
              <dt>{t('risk.history.correlation')}</dt>
              <dd>{entry.correlationId}</dd>
              <dt>{t('risk.history.causation')}</dt>
              <dd>
                {causation && incidentIds.has(causation) ? (
                  <Link to="/incidenter/$incidentId" params={{ incidentId: causation }}>
                    {t('risk.history.causedByIncident', { id: causation.slice(0, 8) })}
                  </Link>
                ) : (
                  (causation ?? t('risk.history.noCausation'))
                )}
              </dd>
            </dl>
            <p className="event-meta">
              <Link
                to="/risker/$riskId/historik"
                params={{ riskId }}
                search={{ asOf: justAfter(entry.recordedAt) }}
                hash="so-som-den-var"
              >
                {t('risk.history.showAfter', { version: entry.version })}
              </Link>
            </p>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The store records microseconds and the API shows milliseconds: a moment one millisecond later
 * is surely after the event.
 */
function justAfter(recordedAt: string): string {
  return new Date(Date.parse(recordedAt) + 1).toISOString();
}
