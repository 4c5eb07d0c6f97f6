import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Refusal } from '../../components/refusal';
import { ScrollTable } from '../../components/scroll-table';
import { text } from '../../lib/api/nullable';
import { useFormat } from '../../lib/i18n/format';
import { useAreaName } from '../../lib/reference-data';
import { useEventLog, useExportEventLog } from './api/use-event-log';
import { CaseFileDownload } from './components/case-file-download';
import { EventLogFilters } from './components/event-log-filters';
import { StreamLink } from '../../components/stream-link';
import { filterOf, queryOf, searchOf, type EventLogFilter } from './event-log-search';

const route = getRouteApi('/handelselogg');

/**
 * Händelselogg: every event of the log in order, searched by who, what, where, which record and
 * flow, and when; each opens the event as the store holds it.
 */
export function EventLogPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const areaName = useAreaName();
  const navigate = useNavigate();
  const filter = filterOf(route.useSearch());
  const query = queryOf(filter);
  const log = useEventLog(query);
  const exporter = useExportEventLog();
  const go = (next: Partial<EventLogFilter>) =>
    void navigate({ to: '/handelselogg', search: searchOf({ ...filter, ...next }) });
  const pages = log.data?.pages ?? [];
  const entries = pages.flatMap((page) => page.entries);
  const total = pages[0]?.total;
  return (
    <Page
      title={t('eventLog.title')}
      actions={(['csv', 'xlsx'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          disabled={exporter.isPending}
          onClick={() => exporter.mutate({ query, format })}
        >
          {t(`eventLog.export.${format}`)}
        </button>
      ))}
    >
      <p className="muted">{t('eventLog.intro')}</p>
      <Refusal error={exporter.error} />
      <EventLogFilters filter={filter} onChange={go} />
      <CaseFileDownload
        selection={query.from && query.to ? { from: query.from, to: query.to } : undefined}
        what={t('eventLog.caseFile.ofDays')}
        unavailable={t('eventLog.caseFile.needsDays')}
      />
      <p aria-live="polite">
        {log.isPending
          ? t('common.loading')
          : total === 0
            ? t('eventLog.empty')
            : total !== undefined
              ? t('eventLog.showing', {
                  shown: format.number(entries.length),
                  total: format.number(total),
                  count: total,
                })
              : ''}
      </p>
      <Refusal error={log.error} />
      {entries.length > 0 && (
        <ScrollTable label={t('eventLog.caption')}>
          <table className="data">
            <caption className="visually-hidden">{t('eventLog.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('eventLog.fields.recordedAt')}</th>
                <th scope="col">{t('eventLog.fields.eventType')}</th>
                <th scope="col">{t('eventLog.fields.actor')}</th>
                <th scope="col">{t('eventLog.fields.stream')}</th>
                <th scope="col">{t('eventLog.fields.area')}</th>
                <th scope="col">{t('eventLog.fields.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.position}>
                  <td>{format.dateTime(entry.recordedAt)}</td>
                  <th scope="row">
                    <Link
                      to="/handelselogg/$position"
                      params={{ position: String(entry.position) }}
                    >
                      {t(`common.eventTypes.${entry.eventType}`, {
                        defaultValue: entry.eventType,
                      })}
                    </Link>
                  </th>
                  <td>{text(entry.actorName) ?? entry.actor}</td>
                  <td>
                    <StreamLink streamType={entry.streamType} streamId={entry.streamId} />
                  </td>
                  <td>{text(entry.area) ? areaName(text(entry.area)!) : '–'}</td>
                  <td>{text(entry.reason) ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {log.hasNextPage && (
        <p>
          <button
            type="button"
            className="button"
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {log.isFetchingNextPage ? t('common.loading') : t('eventLog.more')}
          </button>
        </p>
      )}
    </Page>
  );
}
