import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/page';
import { Refusal } from '../../../components/refusal';
import { useFormat } from '../../../lib/i18n/format';
import { useAreaName, useOrganisation } from '../../../lib/reference-data';
import { useExportIncidents } from '../api/use-export-incidents';
import { useIncidents } from '../api/use-incidents';
import { number } from '../../../lib/api/nullable';
import { unitNamer } from '../../../lib/units';
import { IncidentFilters } from './incident-filters';
import {
  filterOf,
  PAGE_SIZE,
  queryOf,
  searchOf,
  type IncidentFilter,
  type SortField,
} from './incident-search';
import '../incidents.css';

const route = getRouteApi('/incidenter');

const COLUMNS: { field: SortField; key: string }[] = [
  { field: 'title', key: 'title' },
  { field: 'kind', key: 'kind' },
  { field: 'status', key: 'status' },
  { field: 'severity', key: 'severity' },
  { field: 'area', key: 'area' },
  { field: 'occurredAt', key: 'occurredAt' },
];

/** The incident register: filter, sort, page through, open one, export what is shown as CSV. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const areaName = useAreaName();
  const navigate = useNavigate();
  const filter = filterOf(route.useSearch());
  const query = queryOf(filter);
  const incidents = useIncidents(query);
  const exporter = useExportIncidents();
  const organisation = useOrganisation();
  const unitName = unitNamer(organisation.data ?? []);
  const go = (next: Partial<IncidentFilter>) =>
    void navigate({
      to: '/incidenter',
      // A new filter or order starts from the first page.
      search: searchOf({ ...filter, page: 1, ...next }),
    });
  const sortBy = (field: SortField) =>
    go({ sort: filter.sort === field ? `-${field}` : filter.sort === `-${field}` ? '' : field });
  const page = incidents.data;
  const pages = page ? Math.max(1, Math.ceil(page.total / PAGE_SIZE)) : 1;
  const activeSort = filter.sort || '-occurredAt';
  return (
    <Page
      title={t('incidents.list.title')}
      actions={
        <>
          <Link to="/rapportera" className="button">
            {t('incidents.list.report')}
          </Link>
          {(['csv', 'xlsx'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="button"
              disabled={exporter.isPending}
              onClick={() => exporter.mutate({ query, format })}
            >
              {t(`incidents.list.export.${format}`)}
            </button>
          ))}
        </>
      }
    >
      <Refusal error={exporter.error} />
      <IncidentFilters filter={filter} onChange={go} />
      <p aria-live="polite">
        {page
          ? page.total === 0
            ? t('incidents.list.empty')
            : t('incidents.list.showing', {
                from: format.number(page.offset + 1),
                to: format.number(page.offset + page.items.length),
                total: format.number(page.total),
              })
          : incidents.isPending
            ? t('common.loading')
            : ''}
      </p>
      <Refusal error={incidents.error} />
      {page && page.items.length > 0 && (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{t('incidents.list.caption')}</caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => {
                  const direction =
                    activeSort === column.field
                      ? 'ascending'
                      : activeSort === `-${column.field}`
                        ? 'descending'
                        : undefined;
                  return (
                    <th key={column.field} scope="col" aria-sort={direction}>
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => sortBy(column.field)}
                      >
                        {t(`incidents.fields.${column.key}`)}
                        <span aria-hidden="true">
                          {direction === 'ascending'
                            ? ' ▲'
                            : direction === 'descending'
                              ? ' ▼'
                              : ''}
                        </span>
                      </button>
                    </th>
                  );
                })}
                <th scope="col">{t('incidents.fields.unit')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((incident) => {
                const severity = number(incident.severity);
                return (
                  <tr key={incident.incidentId}>
                    <th scope="row">
                      <Link
                        to="/incidenter/$incidentId"
                        params={{ incidentId: incident.incidentId }}
                      >
                        {incident.title}
                      </Link>
                    </th>
                    <td>{incident.kind ? t(`common.incidentKinds.${incident.kind}`) : '–'}</td>
                    <td>
                      <span className="status-word">
                        {t(`common.incidentStatuses.${incident.status}`)}
                      </span>
                      {incident.outwardReportsMissing.length > 0 && (
                        <>
                          <br />
                          <span className="field-error">{t('incidents.list.reportMissing')}</span>
                        </>
                      )}
                    </td>
                    <td>{severity ? t(`incidents.severity.${severity}`) : '–'}</td>
                    <td>{areaName(incident.area)}</td>
                    <td>{format.dateTime(incident.occurredAt)}</td>
                    <td>{unitName(incident.unit)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {page && page.total > PAGE_SIZE && (
        <nav className="pager" aria-label={t('incidents.list.pages')}>
          <button
            type="button"
            className="button"
            disabled={filter.page <= 1}
            onClick={() => go({ page: filter.page - 1, sort: filter.sort })}
          >
            {t('incidents.list.previous')}
          </button>
          <span>{t('incidents.list.page', { page: filter.page, pages })}</span>
          <button
            type="button"
            className="button"
            disabled={filter.page >= pages}
            onClick={() => go({ page: filter.page + 1, sort: filter.sort })}
          >
            {t('incidents.list.next')}
          </button>
        </nav>
      )}
    </Page>
  );
}
