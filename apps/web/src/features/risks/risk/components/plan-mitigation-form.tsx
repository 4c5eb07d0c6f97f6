import { FieldError, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../../components/fields';
import { fieldErrors } from '../../../../components/refusal';
import { useDraft } from '../../../../lib/forms/drafts';
import { usePlanMitigation } from '../api/risk-writes';
import type { Risk } from '../api/use-risk';
import { FormFooter } from './form-footer';

const KINDS = ['ELIMINATE', 'LIMIT', 'MONITOR'] as const;

interface PlanDraft {
  title: string;
  kind: (typeof KINDS)[number] | '';
  dueDate: string;
  expectedEffect: string;
  owner: string;
}

export function PlanMitigationForm({ risk, onReload }: { risk: Risk; onReload: () => void }) {
  const { t } = useTranslation();
  const plan = usePlanMitigation(risk.riskId);
  const [draft, update, clear] = useDraft<PlanDraft>(`risk.${risk.riskId}.plan`, {
    title: '',
    kind: '',
    dueDate: '',
    expectedEffect: '',
    owner: '',
  });
  return (
    <Form
      className="form"
      aria-label={t('risk.plan.title')}
      validationErrors={fieldErrors(plan.error, (message) => t('common.errors.field', { message }))}
      onSubmit={(event) => {
        event.preventDefault();
        if (!draft.kind) return;
        plan.mutate(
          {
            version: risk.version,
            title: draft.title.trim(),
            kind: draft.kind,
            dueDate: draft.dueDate || undefined,
            expectedEffect: draft.expectedEffect.trim() || undefined,
            owner: draft.owner.trim() || undefined,
          },
          { onSuccess: () => clear() },
        );
      }}
    >
      <TextInput
        label={t('risk.plan.what')}
        name="title"
        isRequired
        maxLength={200}
        value={draft.title}
        onChange={(title) => update({ title })}
      />
      <RadioGroup
        className="field kind-picker"
        name="kind"
        isRequired
        value={draft.kind || null}
        onChange={(kind) => update({ kind: kind as PlanDraft['kind'] })}
      >
        <Label>{t('risk.plan.kind')}</Label>
        <div className="scale-steps">
          {KINDS.map((kind) => (
            <Radio key={kind} value={kind} className="scale-step">
              <span>
                <span className="scale-step-label">{t(`common.mitigationKinds.${kind}`)}</span>
                <span className="scale-step-criteria">{t(`risk.plan.kinds.${kind}`)}</span>
              </span>
            </Radio>
          ))}
        </div>
        <FieldError className="field-error" />
      </RadioGroup>
      <div className="form-row">
        <TextInput
          label={t('risk.plan.dueDate')}
          name="dueDate"
          type="date"
          value={draft.dueDate}
          onChange={(dueDate) => update({ dueDate })}
        />
        <TextInput
          label={t('risk.plan.owner')}
          description={t('risk.plan.ownerHelp')}
          name="owner"
          maxLength={200}
          value={draft.owner}
          onChange={(owner) => update({ owner })}
        />
      </div>
      <TextInput
        label={t('risk.plan.expectedEffect')}
        name="expectedEffect"
        multiline
        maxLength={2000}
        value={draft.expectedEffect}
        onChange={(expectedEffect) => update({ expectedEffect })}
      />
      <FormFooter mutation={plan} onReload={onReload} submit={t('risk.plan.submit')} />
    </Form>
  );
}
