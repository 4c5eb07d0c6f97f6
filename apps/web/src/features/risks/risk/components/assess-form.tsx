import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SelectInput, TextInput } from '../../../../components/fields';
import { LevelBadge } from '../../../../components/level';
import { fieldErrors } from '../../../../components/refusal';
import { useDraft } from '../../../../lib/forms/drafts';
import { levelOf, type RiskMatrix } from '../../../../lib/reference-data';
import { useAssessRisk } from '../api/risk-writes';
import type { Risk } from '../api/use-risk';
import { ScalePicker } from './scale-picker';
import { FormFooter } from './form-footer';

interface AssessDraft {
  basis: 'INHERENT' | 'CURRENT' | 'TARGET';
  likelihood?: number;
  consequence?: number;
  reason: string;
}

/** Assess: basis, likelihood × consequence on the matrix's own scales, reason; the level shown live. */
export function AssessForm({
  risk,
  matrix,
  onReload,
}: {
  risk: Risk;
  matrix: RiskMatrix;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const assess = useAssessRisk(risk.riskId);
  const [draft, update, clear] = useDraft<AssessDraft>(`risk.${risk.riskId}.assess`, {
    basis: 'CURRENT',
    reason: '',
  });
  const score =
    draft.likelihood !== undefined && draft.consequence !== undefined
      ? draft.likelihood * draft.consequence
      : undefined;
  const level = score === undefined ? undefined : levelOf(matrix, score);
  return (
    <Form
      className="form"
      aria-label={t('risk.assess.title')}
      validationErrors={fieldErrors(assess.error, (message) =>
        t('common.errors.field', { message }),
      )}
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.likelihood === undefined || draft.consequence === undefined) return;
        assess.mutate(
          {
            version: risk.version,
            basis: draft.basis,
            likelihood: draft.likelihood,
            consequence: draft.consequence,
            reason: draft.reason.trim() || undefined,
          },
          { onSuccess: () => clear() },
        );
      }}
    >
      <SelectInput
        label={t('risk.assess.basis')}
        name="basis"
        value={draft.basis}
        onChange={(basis) => update({ basis: basis as AssessDraft['basis'] })}
        options={(['INHERENT', 'CURRENT', 'TARGET'] as const).map((basis) => ({
          value: basis,
          label: t(`common.bases.${basis}`),
        }))}
        description={t('risk.assess.basisHelp')}
      />
      <div className="form-row">
        <ScalePicker
          label={t('risk.assess.likelihood')}
          name="likelihood"
          scale={matrix.likelihoodScale}
          value={draft.likelihood}
          onChange={(likelihood) => update({ likelihood })}
        />
        <ScalePicker
          label={t('risk.assess.consequence')}
          name="consequence"
          scale={matrix.consequenceScale}
          value={draft.consequence}
          onChange={(consequence) => update({ consequence })}
        />
      </div>
      <p className="assess-result" aria-live="polite">
        {score === undefined ? (
          t('risk.assess.pick')
        ) : (
          <>
            {t('risk.assess.result', {
              likelihood: draft.likelihood,
              consequence: draft.consequence,
              score,
              version: matrix.version,
            })}{' '}
            <LevelBadge level={level} />
          </>
        )}
      </p>
      <TextInput
        label={t('risk.assess.reason')}
        name="reason"
        multiline
        value={draft.reason}
        onChange={(reason) => update({ reason })}
        maxLength={2000}
      />
      {assess.data && (
        <div className="success" role="status">
          <p>{t('risk.assess.saved')}</p>
          {assess.data.warnings.length > 0 && (
            <>
              <p>{t('risk.assess.warnings')}</p>
              <ul>
                {assess.data.warnings.map((warning) => (
                  <li key={warning} lang="en">
                    {warning}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <FormFooter
        mutation={assess}
        onReload={onReload}
        submit={t('risk.assess.submit')}
        disabled={score === undefined}
      />
    </Form>
  );
}
