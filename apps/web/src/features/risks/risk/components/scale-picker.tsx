import { FieldError, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RiskMatrix } from '../../../../lib/reference-data';

/**
 * Likelihood or consequence, 1 to 5, as radio buttons named by the matrix's own scale: each step
 * with its label and criteria, so that two assessors score alike.
 */
export function ScalePicker({
  label,
  name,
  scale,
  value,
  onChange,
}: {
  label: string;
  name: string;
  scale: RiskMatrix['likelihoodScale'];
  value: number | undefined;
  onChange: (value: number) => void;
}) {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  return (
    <RadioGroup
      className="field scale-picker"
      name={name}
      isRequired
      value={value === undefined ? null : String(value)}
      onChange={(next) => onChange(Number(next))}
    >
      <Label>{label}</Label>
      <div className="scale-steps">
        {scale.map((step) => (
          <Radio key={step.value} value={String(step.value)} className="scale-step">
            <span className="scale-step-value" aria-hidden="true">
              {step.value}
            </span>
            <span>
              <span className="scale-step-label">
                <span className="visually-hidden">{step.value} </span>
                {step.label[language]}
              </span>
              <span className="scale-step-criteria">{step.criteria[language]}</span>
            </span>
          </Radio>
        ))}
      </div>
      <FieldError className="field-error" />
    </RadioGroup>
  );
}
