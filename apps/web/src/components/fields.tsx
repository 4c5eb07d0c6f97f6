import type { ReactNode } from 'react';
import {
  Checkbox,
  FieldError,
  Input,
  Label,
  NumberField,
  Text,
  TextArea,
  TextField,
  type TextFieldProps,
} from 'react-aria-components';

/**
 * Form fields built on react-aria: a visible label, a description, and the error (from the
 * browser's validation or the API's 400) announced and shown beside the field it names.
 */
export function TextInput({
  label,
  description,
  multiline,
  ...props
}: TextFieldProps & { label: string; description?: string; multiline?: boolean }) {
  return (
    <TextField className="field" {...props}>
      <Label>{label}</Label>
      {multiline ? <TextArea rows={4} /> : <Input />}
      {description && <Text slot="description">{description}</Text>}
      <FieldError className="field-error" />
    </TextField>
  );
}

export function NumberInput({
  label,
  description,
  name,
  value,
  onChange,
  minValue,
  maxValue,
  isRequired,
}: {
  label: string;
  description?: string;
  name: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  minValue?: number;
  maxValue?: number;
  isRequired?: boolean;
}) {
  return (
    <NumberField
      className="field"
      name={name}
      value={value ?? NaN}
      onChange={(next) => onChange(Number.isNaN(next) ? undefined : next)}
      minValue={minValue}
      maxValue={maxValue}
      isRequired={isRequired}
      formatOptions={{ maximumFractionDigits: 2 }}
    >
      <Label>{label}</Label>
      <Input />
      {description && <Text slot="description">{description}</Text>}
      <FieldError className="field-error" />
    </NumberField>
  );
}

export function SelectInput({
  label,
  name,
  value,
  onChange,
  options,
  isRequired,
  description,
  errorMessage,
  emptyLabel,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  isRequired?: boolean;
  description?: string;
  errorMessage?: string;
  emptyLabel?: string;
}) {
  // A native select: the most robust picker on phones and with every screen reader.
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        required={isRequired}
        aria-invalid={errorMessage ? true : undefined}
        aria-describedby={
          [description && `${id}-description`, errorMessage && `${id}-error`]
            .filter(Boolean)
            .join(' ') || undefined
        }
        onChange={(event) => onChange(event.target.value)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {description && (
        <span id={`${id}-description`} className="field-description">
          {description}
        </span>
      )}
      {errorMessage && (
        <span id={`${id}-error`} className="field-error">
          {errorMessage}
        </span>
      )}
    </div>
  );
}

export function CheckboxInput({
  children,
  isSelected,
  onChange,
  name,
}: {
  children: ReactNode;
  isSelected: boolean;
  onChange: (selected: boolean) => void;
  name?: string;
}) {
  return (
    <Checkbox className="checkbox" name={name} isSelected={isSelected} onChange={onChange}>
      <span className="checkbox-box" aria-hidden="true">
        {isSelected ? '✓' : ''}
      </span>
      {children}
    </Checkbox>
  );
}
