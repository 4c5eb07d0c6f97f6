import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';

/**
 * A short list of choices, each a large touch target with its word and a one-line hint: on a phone
 * one tap chooses, and the hint says which one fits without a separate help page.
 */
export function ChoiceField({
  label,
  description,
  name,
  value,
  onChange,
  choices,
  isRequired,
}: {
  label: string;
  description?: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  choices: { value: string; label: string; hint?: string }[];
  isRequired?: boolean;
}) {
  return (
    <RadioGroup
      className="field choice-field"
      name={name}
      value={value || null}
      onChange={onChange}
      isRequired={isRequired}
    >
      <Label>{label}</Label>
      {description && <Text slot="description">{description}</Text>}
      <div className="choices">
        {choices.map((choice) => (
          <Radio key={choice.value} value={choice.value} className="choice">
            {({ isSelected }) => (
              <>
                <span className="choice-mark" aria-hidden="true">
                  {isSelected ? '●' : ''}
                </span>
                <span className="choice-text">
                  <span className="choice-label">{choice.label}</span>
                  {choice.hint && <span className="choice-hint">{choice.hint}</span>}
                </span>
              </>
            )}
          </Radio>
        ))}
      </div>
      <FieldError className="field-error" />
    </RadioGroup>
  );
}
