import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SelectInput } from '../../components/fields';
import { Page, Section } from '../../components/page';
import { Refusal } from '../../components/refusal';
import { useRoles } from '../../lib/auth/use-session';
import { useAreaName, useAreaOptions } from '../../lib/reference-data';
import type { SearchParams } from '../../lib/search-params';
import { useGoals, type Goal } from './api/use-goals';
import { GoalCard } from './components/goal-card';
import { SetGoalForm } from './components/set-goal-form';
import './goals.css';

const route = getRouteApi('/mal');
/** docs/access.md: goals.write. */
const WRITING_ROLES = ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE'];
const FULFILMENTS: Goal['fulfilment'][] = ['MET', 'PARTLY_MET', 'NOT_MET', 'NOT_MEASURED'];

function viewOf(search: SearchParams): { year: number; area: string } {
  const year = Number(search.year);
  return {
    year: Number.isInteger(year) && year >= 2000 && year < 2100 ? year : new Date().getFullYear(),
    area: typeof search.area === 'string' ? search.area : '',
  };
}

/** Mål och indikatorer: each area's goals for a year, their measurements and fulfilment. */
export function GoalsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { year, area } = viewOf(route.useSearch());
  const roles = useRoles();
  const mayChange = roles.some((role) => WRITING_ROLES.includes(role));
  const areaChoices = useAreaOptions();
  const areaName = useAreaName();
  const goals = useGoals(year, area);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 9 }, (_, i) => thisYear + 3 - i);
  const show = (next: { year?: number; area?: string }) => {
    const view = { year, area, ...next };
    void navigate({
      to: '/mal',
      search: { year: view.year, ...(view.area ? { area: view.area } : {}) },
    });
  };
  const reload = () => void client.invalidateQueries({ queryKey: ['goals'] });
  const byArea = new Map<string, Goal[]>();
  for (const goal of goals.data ?? []) {
    byArea.set(goal.area, [...(byArea.get(goal.area) ?? []), goal]);
  }
  const active = (goals.data ?? []).filter((goal) => goal.status === 'ACTIVE');
  return (
    <Page title={t('goals.title')}>
      <p>{t('goals.intro')}</p>
      <div className="section goal-view" role="group" aria-label={t('goals.view')}>
        <SelectInput
          label={t('goals.fields.year')}
          name="view-year"
          value={String(year)}
          onChange={(next) => show({ year: Number(next) })}
          options={years.map((option) => ({ value: String(option), label: String(option) }))}
        />
        <SelectInput
          label={t('goals.fields.area')}
          name="view-area"
          value={area}
          onChange={(next) => show({ area: next })}
          emptyLabel={t('goals.allAreas')}
          options={areaChoices}
        />
      </div>
      {mayChange ? (
        <SetGoalForm year={year} area={area} years={years} />
      ) : (
        <p className="muted">
          {t('goals.readOnly', {
            roles: WRITING_ROLES.map((role) => t(`common.roles.${role}`)).join(
              ` ${t('common.or')} `,
            ),
          })}
        </p>
      )}
      {goals.isPending && <p>{t('common.loading')}</p>}
      <Refusal error={goals.error} />
      {goals.data && (
        <>
          <h2>{t('goals.summaryTitle', { year })}</h2>
          {active.length === 0 ? (
            <p>{t('goals.none', { year })}</p>
          ) : (
            <ul className="goal-summary">
              {FULFILMENTS.map((fulfilment) => (
                <li key={fulfilment}>
                  {t(`goals.fulfilment.${fulfilment}`)}:{' '}
                  <strong>{active.filter((goal) => goal.fulfilment === fulfilment).length}</strong>
                </li>
              ))}
            </ul>
          )}
          {[...byArea.entries()]
            .sort(([a], [b]) => areaName(a).localeCompare(areaName(b)))
            .map(([code, list]) => (
              <Section key={code} title={areaName(code)} id={`area-${code}`}>
                {list.map((goal) => (
                  <GoalCard key={goal.goalId} goal={goal} mayChange={mayChange} onReload={reload} />
                ))}
              </Section>
            ))}
        </>
      )}
    </Page>
  );
}
