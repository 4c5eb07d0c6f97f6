import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HeatMap } from '../../components/heat-map';
import { Page, Section } from '../../components/page';
import { Refusal } from '../../components/refusal';
import { ScrollTable } from '../../components/scroll-table';
import { text } from '../../lib/api/nullable';
import { useFormat } from '../../lib/i18n/format';
import { useAreaName, useCurrentMatrix, useOrganisation } from '../../lib/reference-data';
import { unitNamer } from '../../lib/units';
import { ChangesSection } from './changes-section';
import { PAGE_SIZE, useMatrixAsOf, useRegisterAsOf } from './use-register-as-of';

const route = getRouteApi('/registret-som-det-var');

/** A local date and time as the datetime-local input takes it: 2026-11-05T14:30. */
function localMinute(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}
const isLocalMinute = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value);
/**
 * The form chooses minutes; a minute covers everything recorded during it, so that "now" (this
 * minute) includes what was recorded a few seconds ago.
 */
const instant = (local: string) => new Date(new Date(local).getTime() + 59_999).toISOString();

/**
 * Registret som det var: the register and its heat map as the log held them at a moment, and what
 * changed from then to another moment. Both moments live in the address, to share or reload.
 */
export function RegisterAsOfPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const areaName = useAreaName();
  const unitName = unitNamer(useOrganisation().data);
  const matrix = useCurrentMatrix();
  const navigate = useNavigate();
  const search = route.useSearch();
  const at = isLocalMinute(search.at)
    ? search.at
    : localMinute(new Date(Date.now() - 30 * 86_400_000));
  const compareTo = isLocalMinute(search.with) ? search.with : localMinute(new Date());
  const page =
    Number.isInteger(Number(search.page)) && Number(search.page) > 1 ? Number(search.page) : 1;
  const [draft, setDraft] = useState({ at, compareTo });
  const counts = useMatrixAsOf(instant(at));
  const register = useRegisterAsOf(instant(at), (page - 1) * PAGE_SIZE);
  const pages = register.data ? Math.max(1, Math.ceil(register.data.total / PAGE_SIZE)) : 1;
  const go = (next: { at: string; compareTo: string; page?: number }) =>
    void navigate({
      to: '/registret-som-det-var',
      search: {
        at: next.at,
        with: next.compareTo,
        ...(next.page && next.page > 1 ? { page: next.page } : {}),
      },
    });
  return (
    <Page title={t('registerAsOf.title')}>
      <p className="muted">{t('registerAsOf.intro')}</p>
      <form
        className="section"
        aria-label={t('registerAsOf.choose')}
        onSubmit={(event) => {
          event.preventDefault();
          go(draft);
        }}
      >
        <div className="filters">
          <div className="field">
            <label htmlFor="as-of-at">{t('registerAsOf.at')}</label>
            <input
              id="as-of-at"
              type="datetime-local"
              required
              value={draft.at}
              max={draft.compareTo}
              onChange={(event) => setDraft({ ...draft, at: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="as-of-with">{t('registerAsOf.compareTo')}</label>
            <input
              id="as-of-with"
              type="datetime-local"
              required
              value={draft.compareTo}
              min={draft.at}
              onChange={(event) => setDraft({ ...draft, compareTo: event.target.value })}
            />
          </div>
        </div>
        <div className="filters-actions">
          <button type="submit" className="button primary">
            {t('registerAsOf.show')}
          </button>
        </div>
      </form>

      <Section
        title={t('registerAsOf.heatMapTitle', { at: format.dateTime(instant(at)) })}
        id="heat-map"
      >
        {counts.isPending && <p>{t('registerAsOf.reading')}</p>}
        <Refusal error={counts.error} />
        {counts.data && (
          <>
            <p>{t('registerAsOf.total', { count: counts.data.total })}</p>
            <div className="heat-maps">
              <HeatMap counts={counts.data.current} basis="CURRENT" matrix={matrix.data} />
              <HeatMap counts={counts.data.target} basis="TARGET" matrix={matrix.data} />
            </div>
          </>
        )}
      </Section>

      <ChangesSection from={instant(at)} to={instant(compareTo)} />

      <Section
        title={t('registerAsOf.registerTitle', { at: format.dateTime(instant(at)) })}
        id="register"
      >
        <Refusal error={register.error} />
        {register.data && register.data.items.length === 0 && <p>{t('registerAsOf.empty')}</p>}
        {register.data && register.data.items.length > 0 && (
          <ScrollTable
            label={t('registerAsOf.registerTitle', { at: format.dateTime(instant(at)) })}
          >
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('registerAsOf.fields.title')}</th>
                  <th scope="col">{t('registerAsOf.fields.level')}</th>
                  <th scope="col">{t('registerAsOf.fields.status')}</th>
                  <th scope="col">{t('registerAsOf.fields.area')}</th>
                  <th scope="col">{t('registerAsOf.fields.unit')}</th>
                  <th scope="col">{t('registerAsOf.fields.owner')}</th>
                </tr>
              </thead>
              <tbody>
                {register.data.items.map((risk) => (
                  <tr key={risk.riskId}>
                    <th scope="row">
                      <Link
                        to="/risker/$riskId/historik"
                        params={{ riskId: risk.riskId }}
                        search={{ asOf: instant(at) }}
                      >
                        {risk.title}
                      </Link>
                    </th>
                    <td>
                      {text(risk.level)
                        ? t(`common.levels.${text(risk.level)}`)
                        : t('registerAsOf.notAssessed')}
                    </td>
                    <td>{t(`common.riskStatuses.${risk.status}`)}</td>
                    <td>{areaName(risk.area)}</td>
                    <td>{unitName(risk.unit)}</td>
                    <td>{text(risk.owner) ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
        {register.data && register.data.total > PAGE_SIZE && (
          <nav className="pager" aria-label={t('registerAsOf.pages')}>
            <button
              type="button"
              className="button"
              disabled={page <= 1}
              onClick={() => go({ at, compareTo, page: page - 1 })}
            >
              {t('registerAsOf.previous')}
            </button>
            <span>{t('registerAsOf.page', { page, pages })}</span>
            <button
              type="button"
              className="button"
              disabled={page >= pages}
              onClick={() => go({ at, compareTo, page: page + 1 })}
            >
              {t('registerAsOf.next')}
            </button>
          </nav>
        )}
      </Section>
    </Page>
  );
}
