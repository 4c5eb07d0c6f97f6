import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/i18n/format';
import type { Goal } from '../api/use-goals';
import { MeasureForm, ReviseForm, WithdrawForm } from './goal-changes';

/** Fulfilment in words; the colour only accompanies them. */
const FULFILMENT_CLASS: Record<Goal['fulfilment'], string> = {
  MET: 'level level-low',
  PARTLY_MET: 'level level-medium',
  NOT_MET: 'level level-very-high',
  NOT_MEASURED: 'level level-none',
};

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** One goal: what it is, how it is measured, its measurements, and where it stands. */
export function GoalCard({
  goal,
  mayChange,
  onReload,
}: {
  goal: Goal;
  mayChange: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = (amount: number) =>
    t('goals.value', { value: format.number(amount, 2), unit: goal.measurementUnit });
  const bound = (amount: number) => t(`goals.bound.${goal.direction}`, { value: value(amount) });
  const partly = typeof goal.partlyMetFrom === 'number' ? goal.partlyMetFrom : undefined;
  const withdrawn = goal.status === 'WITHDRAWN';
  const titleId = `goal-${goal.goalId}`;
  return (
    <article className="goal-card" aria-labelledby={titleId}>
      <h3 id={titleId}>{goal.text}</h3>
      <p className="status-line">
        {withdrawn ? (
          <span className="level level-none">{t('goals.withdrawn')}</span>
        ) : (
          <span className={FULFILMENT_CLASS[goal.fulfilment]}>
            {t(`goals.fulfilment.${goal.fulfilment}`)}
          </span>
        )}
        {!withdrawn && goal.latestMeasurement && (
          <span>
            {t('goals.latest', {
              value: value(goal.latestMeasurement.value),
              date: format.date(goal.latestMeasurement.measuredOn),
            })}
          </span>
        )}
      </p>
      <dl className="facts">
        <dt>{t('goals.fields.indicator')}</dt>
        <dd>{goal.indicator}</dd>
        <dt>{t('goals.fields.target')}</dt>
        <dd>{bound(goal.targetValue)}</dd>
        <dt>{t('goals.fields.partlyMetFrom')}</dt>
        <dd>{partly === undefined ? t('goals.noPartly') : bound(partly)}</dd>
        <dt>{t('goals.fields.set')}</dt>
        <dd>{t('goals.byAt', { at: format.date(goal.setAt), by: goal.setBy })}</dd>
        {withdrawn && (
          <>
            <dt>{t('goals.fields.withdrawnReason')}</dt>
            <dd>{optionalText(goal.withdrawnReason)}</dd>
          </>
        )}
      </dl>
      {goal.measurements.length === 0 ? (
        <p>{t('goals.noMeasurements')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption>{t('goals.measurements', { indicator: goal.indicator })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('goals.measure.measuredOn')}</th>
                <th scope="col" className="number">
                  {t('goals.measure.valueColumn')}
                </th>
                <th scope="col">{t('goals.measure.note')}</th>
                <th scope="col">{t('goals.measure.recordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {[...goal.measurements]
                .sort((a, b) => b.measuredOn.localeCompare(a.measuredOn))
                .map((measurement) => (
                  <tr key={measurement.measurementId}>
                    <th scope="row">{format.date(measurement.measuredOn)}</th>
                    <td className="number">{value(measurement.value)}</td>
                    <td>{optionalText(measurement.note) ?? '–'}</td>
                    <td>{measurement.recordedBy}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
      {goal.revisions.length > 0 && (
        <>
          <h4>{t('goals.revisions')}</h4>
          <ul>
            {goal.revisions.map((revision) => (
              <li key={revision.revisedAt}>
                {t('goals.revision', {
                  date: format.date(revision.revisedAt),
                  from: value(revision.previousTargetValue),
                  to: value(revision.targetValue),
                  reason: revision.reason,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {mayChange && !withdrawn && (
        <div className="goal-actions">
          <MeasureForm goal={goal} />
          <ReviseForm goal={goal} onReload={onReload} />
          <WithdrawForm goal={goal} onReload={onReload} />
        </div>
      )}
    </article>
  );
}
