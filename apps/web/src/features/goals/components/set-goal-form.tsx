import { useTranslation } from 'react-i18next';
import { NumberInput, SelectInput, TextInput } from '../../../components/fields';
import { hasText, useDraft } from '../../../lib/forms/drafts';
import { useAreaOptions } from '../../../lib/reference-data';
import { useSetGoal } from '../api/use-goal-changes';
import { ChangeForm } from '../../../components/change-form';

const DIRECTIONS = ['AT_LEAST', 'AT_MOST'] as const;

/** Set a security area's measurable goal for a year, with its indicator and target. */
export function SetGoalForm({
  year,
  area,
  years,
}: {
  year: number;
  area: string;
  years: number[];
}) {
  const { t } = useTranslation();
  const areaChoices = useAreaOptions(true);
  const [draft, update, clear] = useDraft('set-goal', {
    area,
    year,
    text: '',
    indicator: '',
    targetValue: undefined as number | undefined,
    measurementUnit: '',
    direction: 'AT_LEAST',
    partlyMetFrom: undefined as number | undefined,
  });
  const set = useSetGoal();
  return (
    <ChangeForm
      startOpen={hasText({ text: draft.text, indicator: draft.indicator })}
      legend={t('goals.set.title')}
      submit={t('goals.set.submit')}
      error={set.error}
      pending={set.isPending}
      done={set.isSuccess ? t('goals.set.done') : undefined}
      onSubmit={() =>
        set.mutate(
          {
            area: draft.area,
            year: draft.year,
            text: draft.text.trim(),
            indicator: draft.indicator.trim(),
            targetValue: draft.targetValue ?? NaN,
            measurementUnit: draft.measurementUnit.trim(),
            direction: draft.direction as (typeof DIRECTIONS)[number],
            partlyMetFrom: draft.partlyMetFrom,
          },
          { onSuccess: () => clear() },
        )
      }
    >
      {(errors) => (
        <>
          <div className="form-row">
            <SelectInput
              label={t('goals.fields.area')}
              name="area"
              isRequired
              value={draft.area}
              onChange={(next) => update({ area: next })}
              emptyLabel={t('goals.set.chooseArea')}
              errorMessage={errors.area}
              options={areaChoices}
            />
            <SelectInput
              label={t('goals.fields.year')}
              name="year"
              isRequired
              value={String(draft.year)}
              onChange={(next) => update({ year: Number(next) })}
              errorMessage={errors.year}
              options={years.map((option) => ({ value: String(option), label: String(option) }))}
            />
          </div>
          <TextInput
            label={t('goals.fields.text')}
            description={t('goals.set.textHelp')}
            name="text"
            isRequired
            multiline
            value={draft.text}
            onChange={(text) => update({ text })}
          />
          <TextInput
            label={t('goals.fields.indicator')}
            description={t('goals.set.indicatorHelp')}
            name="indicator"
            isRequired
            value={draft.indicator}
            onChange={(indicator) => update({ indicator })}
          />
          <SelectInput
            label={t('goals.fields.direction')}
            name="direction"
            isRequired
            value={draft.direction}
            onChange={(direction) => update({ direction })}
            errorMessage={errors.direction}
            options={DIRECTIONS.map((direction) => ({
              value: direction,
              label: t(`goals.directions.${direction}`),
            }))}
          />
          <div className="form-row">
            <NumberInput
              label={t('goals.fields.targetValue')}
              name="targetValue"
              isRequired
              value={draft.targetValue}
              onChange={(targetValue) => update({ targetValue })}
            />
            <TextInput
              label={t('goals.fields.measurementUnit')}
              description={t('goals.set.unitHelp')}
              name="measurementUnit"
              isRequired
              value={draft.measurementUnit}
              onChange={(measurementUnit) => update({ measurementUnit })}
            />
          </div>
          <NumberInput
            label={t('goals.fields.partlyMetFrom')}
            description={t('goals.set.partlyHelp')}
            name="partlyMetFrom"
            value={draft.partlyMetFrom}
            onChange={(partlyMetFrom) => update({ partlyMetFrom })}
          />
        </>
      )}
    </ChangeForm>
  );
}
