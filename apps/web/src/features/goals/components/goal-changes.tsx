import { useTranslation } from 'react-i18next';
import { NumberInput, TextInput } from '../../../components/fields';
import { hasText, useDraft } from '../../../lib/forms/drafts';
import { useMeasureIndicator, useReviseGoal, useWithdrawGoal } from '../api/use-goal-changes';
import type { Goal } from '../api/use-goals';
import { ChangeForm } from '../../../components/change-form';

/** Today as the calendar day it is here (YYYY-MM-DD). */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** A new measurement id; without a secure context (no randomUUID) the API chooses one. */
function newMeasurementId(): string | undefined {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : undefined;
}

/**
 * Record a measurement. Its id is chosen when the form is first filled in and kept in the draft,
 * so that sending it again after a lost answer is recognised (409) instead of counted twice.
 */
export function MeasureForm({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const [draft, update, clear] = useDraft(`goal-measure-${goal.goalId}`, {
    measurementId: newMeasurementId(),
    value: undefined as number | undefined,
    measuredOn: today(),
    note: '',
  });
  const measure = useMeasureIndicator(goal.goalId);
  return (
    <ChangeForm
      startOpen={draft.value !== undefined || hasText({ note: draft.note })}
      legend={t('goals.measure.title')}
      submit={t('goals.measure.submit')}
      error={measure.error}
      pending={measure.isPending}
      done={measure.isSuccess ? t('goals.measure.done') : undefined}
      onSubmit={() =>
        measure.mutate(
          {
            measurementId: draft.measurementId,
            value: draft.value ?? NaN,
            measuredOn: draft.measuredOn,
            note: draft.note.trim() || undefined,
          },
          {
            onSuccess: () => {
              clear();
              update({ measurementId: newMeasurementId() });
            },
          },
        )
      }
    >
      <div className="form-row">
        <NumberInput
          label={t('goals.measure.value', { unit: goal.measurementUnit })}
          name="value"
          isRequired
          value={draft.value}
          onChange={(value) => update({ value })}
        />
        <TextInput
          label={t('goals.measure.measuredOn')}
          description={t('goals.measure.measuredOnHelp')}
          name="measuredOn"
          type="date"
          isRequired
          value={draft.measuredOn}
          onChange={(measuredOn) => update({ measuredOn })}
        />
      </div>
      <TextInput
        label={t('goals.measure.note')}
        description={t('goals.measure.noteHelp')}
        name="note"
        value={draft.note}
        onChange={(note) => update({ note })}
      />
    </ChangeForm>
  );
}

export function ReviseForm({ goal, onReload }: { goal: Goal; onReload: () => void }) {
  const { t } = useTranslation();
  const [draft, update, clear] = useDraft(`goal-revise-${goal.goalId}`, {
    targetValue: goal.targetValue as number | undefined,
    partlyMetFrom: (typeof goal.partlyMetFrom === 'number' ? goal.partlyMetFrom : undefined) as
      number | undefined,
    reason: '',
  });
  const revise = useReviseGoal(goal.goalId);
  return (
    <ChangeForm
      startOpen={hasText({ reason: draft.reason })}
      legend={t('goals.revise.title')}
      submit={t('goals.revise.submit')}
      error={revise.error}
      pending={revise.isPending}
      done={revise.isSuccess ? t('goals.revise.done') : undefined}
      onReload={onReload}
      onSubmit={() =>
        revise.mutate(
          {
            version: goal.version,
            body: {
              targetValue: draft.targetValue ?? NaN,
              partlyMetFrom: draft.partlyMetFrom,
              reason: draft.reason.trim(),
            },
          },
          { onSuccess: () => clear() },
        )
      }
    >
      <div className="form-row">
        <NumberInput
          label={t('goals.fields.targetValue')}
          name="targetValue"
          isRequired
          value={draft.targetValue}
          onChange={(targetValue) => update({ targetValue })}
        />
        <NumberInput
          label={t('goals.fields.partlyMetFrom')}
          name="partlyMetFrom"
          value={draft.partlyMetFrom}
          onChange={(partlyMetFrom) => update({ partlyMetFrom })}
        />
      </div>
      <TextInput
        label={t('goals.revise.reason')}
        description={t('goals.revise.reasonHelp')}
        name="reason"
        isRequired
        multiline
        value={draft.reason}
        onChange={(reason) => update({ reason })}
      />
    </ChangeForm>
  );
}

export function WithdrawForm({ goal, onReload }: { goal: Goal; onReload: () => void }) {
  const { t } = useTranslation();
  const [draft, update, clear] = useDraft(`goal-withdraw-${goal.goalId}`, { reason: '' });
  const withdraw = useWithdrawGoal(goal.goalId);
  return (
    <ChangeForm
      startOpen={hasText(draft)}
      legend={t('goals.withdraw.title')}
      submit={t('goals.withdraw.submit')}
      error={withdraw.error}
      pending={withdraw.isPending}
      onReload={onReload}
      onSubmit={() =>
        withdraw.mutate(
          { version: goal.version, body: { reason: draft.reason.trim() } },
          { onSuccess: () => clear() },
        )
      }
    >
      <TextInput
        label={t('goals.withdraw.reason')}
        description={t('goals.withdraw.reasonHelp')}
        name="reason"
        isRequired
        multiline
        value={draft.reason}
        onChange={(reason) => update({ reason })}
      />
    </ChangeForm>
  );
}
