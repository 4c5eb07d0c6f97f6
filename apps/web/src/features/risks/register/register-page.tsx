import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/page';
import { Refusal } from '../../../components/refusal';
import { useFormat } from '../../../lib/i18n/format';
import { useAreaName, useOrganisation } from '../../../lib/reference-data';
import type { SearchParams } from '../../../lib/search-params';
import { useMayIdentify } from '../identify/may-identify';
import { useRiskExport } from './api/use-risk-export';
import { useRiskRegister } from './api/use-risk-register';
import { DEFAULT_COLUMNS } from './columns';
import { ColumnChooser } from './components/column-chooser';
import { FilterChips } from './components/filter-chips';
import { Pager } from './components/pager';
import { RegisterFilters } from './components/register-filters';
import { RegisterTable } from './components/register-table';
import {
  hasFilters,
  PAGE_SIZES,
  nextSort,
  queryOf,
  readView,
  withFilters,
  withoutAllFilters,
} from './register-search';
import { unitNamer } from '../../../lib/units';
import './register.css';

const route = getRouteApi('/risker');
const COLUMNS_KEY = 'riskledger.register.columns';

/** The risk register: every view (filters, sort, page, columns) is in the URL, to share or reload. */
export function RiskRegisterPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const areaName = useAreaName();
  const organisation = useOrganisation();
  const unitName = unitNamer(organisation.data);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const mayIdentify = useMayIdentify();
  const view = readView(search);
  const columns = view.columns ?? localStorage.getItem(COLUMNS_KEY)?.split(',') ?? DEFAULT_COLUMNS;
  const query = queryOf(view);
  const register = useRiskRegister(query, view.limit, view.offset);
  const exporter = useRiskExport();
  const go = (next: SearchParams) => void navigate({ search: next });
  const page = register.data;
  const filtered = hasFilters(view);
  return (
    <Page
      title={t('register.title')}
      actions={
        mayIdentify && (
          <Link to="/risker/ny" className="button primary">
            {t('register.identify')}
          </Link>
        )
      }
    >
      <p className="lead">{t('register.intro')}</p>
      <RegisterFilters view={view} onChange={(change) => go(withFilters(search, change))} />
      <FilterChips
        view={view}
        unitName={unitName}
        onRemove={(keys) => go(withFilters(search, Object.fromEntries(keys.map((k) => [k, '']))))}
        onClear={() => go(withoutAllFilters(search))}
      />
      <Refusal error={register.error} />
      <div className="register-bar">
        <p className="register-count" role="status" aria-live="polite">
          {register.isPending
            ? t('common.loading')
            : page && page.total > 0
              ? t('register.showing', {
                  from: format.number(page.offset + 1),
                  to: format.number(page.offset + page.items.length),
                  total: format.number(page.total),
                })
              : ''}
        </p>
        <div className="register-tools">
          <ColumnChooser
            columns={columns}
            onChange={(next) => {
              localStorage.setItem(COLUMNS_KEY, next.join(','));
              go({ ...search, columns: next.join(',') });
            }}
          />
          {(['csv', 'xlsx'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="button"
              aria-describedby="register-export-help"
              disabled={exporter.isPending || !page || page.total === 0}
              onClick={() => exporter.mutate({ query, format })}
            >
              {exporter.isPending && exporter.variables?.format === format
                ? t('register.exporting')
                : t(`register.export.${format}`)}
            </button>
          ))}
          <p id="register-export-help" className="muted register-export-help">
            {t('register.exportHelp')}
          </p>
        </div>
      </div>
      <Refusal error={exporter.error} />
      {page && page.total === 0 && (
        <div className="empty-state">
          {filtered ? (
            <>
              <p className="empty-title">{t('register.empty.filteredTitle')}</p>
              <p>{t('register.empty.filteredText')}</p>
              <button
                type="button"
                className="button"
                onClick={() => go(withoutAllFilters(search))}
              >
                {t('register.chips.clear')}
              </button>
            </>
          ) : (
            <>
              <p className="empty-title">{t('register.empty.title')}</p>
              <p>{mayIdentify ? t('register.empty.textWriter') : t('register.empty.textReader')}</p>
              {mayIdentify && (
                <Link to="/risker/ny" className="button primary">
                  {t('register.identify')}
                </Link>
              )}
            </>
          )}
        </div>
      )}
      {page && page.items.length > 0 && (
        <>
          <RegisterTable
            entries={page.items}
            columns={columns}
            sort={view.sort}
            onSort={(field) =>
              go({ ...search, sort: nextSort(view.sort, field), offset: undefined })
            }
            context={{ t, format, areaName, unitName }}
            caption={t('register.caption', { total: page.total })}
            busy={register.isPlaceholderData}
          />
          {page.total > PAGE_SIZES[0] && (
            <Pager
              total={page.total}
              limit={view.limit}
              offset={view.offset}
              onPage={(offset) => go({ ...search, offset: offset || undefined })}
              onLimit={(limit) => go({ ...search, limit, offset: undefined })}
            />
          )}
        </>
      )}
    </Page>
  );
}
