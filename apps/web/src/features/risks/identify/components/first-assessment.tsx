import { useTranslation } from 'react-i18next';
import { SelectInput } from '../../../../components/fields';
import { LevelBadge } from '../../../../components/level';
import { Section } from '../../../../components/page';
import { useFormat } from '../../../../lib/i18n/format';
import { levelOf, useCurrentMatrix } from '../../../../lib/reference-data';

/**
 * The optional first assessment: likelihood and consequence on the current matrix's scales, each
 * step with its criteria, and the level the pair gives under the matrix's bands.
 */
export function FirstAssessment({
  likelihood,
  consequence,
  onChange,
  errors,
}: {
  likelihood: string;
  consequence: string;
  onChange: (change: { likelihood?: string; assessedConsequence?: string }) => void;
  errors: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const matrix = useCurrentMatrix();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const scale = (steps: { value: number; label: { sv: string; en: string } }[] | undefined) =>
    (steps ?? []).map((step) => ({
      value: String(step.value),
      label: `${step.value} – ${step.label[language]}`,
    }));
  const criteria = (
    steps: { value: number; criteria: { sv: string; en: string } }[] | undefined,
    chosen: string,
  ) => steps?.find((step) => String(step.value) === chosen)?.criteria[language];
  const score = likelihood && consequence ? Number(likelihood) * Number(consequence) : undefined;
  const level = score === undefined ? undefined : levelOf(matrix.data, score);
  return (
    <Section title={t('register.identifyForm.assessment.title')} id="identify-assessment">
      <p className="field-description">
        {t('register.identifyForm.assessment.help', { version: matrix.data?.version ?? '–' })}
      </p>
      <div className="form-row">
        <SelectInput
          label={t('register.identifyForm.assessment.likelihood')}
          name="likelihood"
          value={likelihood}
          onChange={(value) => onChange({ likelihood: value })}
          options={scale(matrix.data?.likelihoodScale)}
          emptyLabel={t('register.identifyForm.assessment.notNow')}
          description={criteria(matrix.data?.likelihoodScale, likelihood)}
          errorMessage={errors.likelihood}
        />
        <SelectInput
          label={t('register.identifyForm.assessment.consequence')}
          name="assessedConsequence"
          value={consequence}
          onChange={(value) => onChange({ assessedConsequence: value })}
          options={scale(matrix.data?.consequenceScale)}
          emptyLabel={t('register.identifyForm.assessment.notNow')}
          description={criteria(matrix.data?.consequenceScale, consequence)}
          errorMessage={errors.assessedConsequence}
        />
      </div>
      <p className="assessment-result" aria-live="polite">
        {score === undefined ? (
          t('register.identifyForm.assessment.none')
        ) : (
          <>
            {t('register.identifyForm.assessment.result', {
              likelihood,
              consequence,
              score: format.number(score),
            })}{' '}
            <LevelBadge level={level} />
          </>
        )}
      </p>
    </Section>
  );
}
