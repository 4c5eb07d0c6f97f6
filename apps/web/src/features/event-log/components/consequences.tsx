import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../components/page';
import { Refusal } from '../../../components/refusal';
import { StreamLink } from '../../../components/stream-link';
import { api, unwrap } from '../../../lib/api/client';
import { text } from '../../../lib/api/nullable';
import { useFormat } from '../../../lib/i18n/format';

/**
 * What was recorded because of this event (its causation id names it): each a link to its own
 * page, which lists what followed from it in turn, so that a chain is walked from any event.
 */
export function Consequences({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const followed = useQuery({
    queryKey: ['event-log', 'caused-by', eventId],
    queryFn: () =>
      unwrap(api.GET('/traceability', { params: { query: { causationId: eventId, limit: 100 } } })),
  });
  return (
    <Section title={t('eventLog.event.followed')} id="followed">
      <Refusal error={followed.error} />
      {followed.data?.length === 0 && (
        <p className="muted">{t('eventLog.event.nothingFollowed')}</p>
      )}
      {followed.data && followed.data.length > 0 && (
        <ul>
          {followed.data.map((entry) => (
            <li key={entry.eventId}>
              <Link to="/handelselogg/$position" params={{ position: String(entry.position) }}>
                {t(`common.eventTypes.${entry.eventType}`, { defaultValue: entry.eventType })}
              </Link>{' '}
              {t('eventLog.event.byAt', {
                by: text(entry.actorName) ?? entry.actor,
                at: format.dateTime(entry.recordedAt),
              })}{' '}
              · <StreamLink streamType={entry.streamType} streamId={entry.streamId} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
