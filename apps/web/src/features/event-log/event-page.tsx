import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../components/page';
import { Refusal } from '../../components/refusal';
import { text } from '../../lib/api/nullable';
import { useFormat } from '../../lib/i18n/format';
import { useAreaName, useOrganisation } from '../../lib/reference-data';
import { unitNamer } from '../../lib/units';
import { useLoggedEvent } from './api/use-event-log';
import { StreamLink } from '../../components/stream-link';
import { CaseFileDownload } from './components/case-file-download';
import { Consequences } from './components/consequences';

const route = getRouteApi('/handelselogg/$position');

/** One event as the log holds it: what, who, when, why, its record and flow, data and hash. */
export function EventPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const areaName = useAreaName();
  const unitName = unitNamer(useOrganisation().data);
  const { position } = route.useParams();
  const event = useLoggedEvent(Number(position));
  const entry = event.data;
  const title = entry
    ? t(`common.eventTypes.${entry.eventType}`, { defaultValue: entry.eventType })
    : t('eventLog.event.title', { position });
  const facts: [string, ReactNode][] = entry
    ? [
        ['recordedAt', format.dateTime(entry.recordedAt)],
        ['actor', `${text(entry.actorName) ?? entry.actor} (${entry.actor})`],
        ['reason', text(entry.reason) ?? '–'],
        [
          'stream',
          <>
            <StreamLink streamType={entry.streamType} streamId={entry.streamId} />
            {' · '}
            <Link to="/handelselogg" search={{ streamId: entry.streamId }}>
              {t('eventLog.event.allOfStream')}
            </Link>
          </>,
        ],
        ['area', text(entry.area) ? areaName(text(entry.area)!) : '–'],
        ['unit', entry.unit ? unitName(entry.unit) : '–'],
        [
          'correlationId',
          <>
            <code>{entry.correlationId}</code>{' '}
            <Link to="/handelselogg" search={{ correlationId: entry.correlationId }}>
              {t('eventLog.event.allOfFlow')}
            </Link>
          </>,
        ],
        ['causationId', text(entry.causationId) ? <code>{text(entry.causationId)}</code> : '–'],
        [
          'version',
          t('eventLog.event.versions', {
            position: entry.position,
            version: entry.streamVersion,
            schema: entry.schemaVersion,
          }),
        ],
        ['hash', <code className="hash">{entry.hash}</code>],
      ]
    : [];
  return (
    <Page title={title}>
      <p>
        <Link to="/handelselogg">{t('eventLog.event.back')}</Link>
      </p>
      {event.isPending && <p>{t('common.loading')}</p>}
      <Refusal error={event.error} />
      {entry && (
        <>
          <dl className="facts">
            {facts.map(([key, value]) => (
              <div key={key}>
                <dt>{t(`eventLog.fields.${key}`)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <Consequences position={entry.position} />
          <Section title={t('eventLog.caseFile.title')} id="case-file">
            <CaseFileDownload
              selection={{ streamId: entry.streamId, chain: true }}
              what={t('eventLog.caseFile.ofRecord')}
            />
          </Section>
          <Section title={t('eventLog.event.data')} id="data">
            <pre className="json" tabIndex={0} aria-label={t('eventLog.event.data')}>
              {JSON.stringify(entry.data, null, 2)}
            </pre>
          </Section>
          <Section title={t('eventLog.event.metadata')} id="metadata">
            <pre className="json" tabIndex={0} aria-label={t('eventLog.event.metadata')}>
              {JSON.stringify(entry.metadata, null, 2)}
            </pre>
          </Section>
        </>
      )}
    </Page>
  );
}
