import { type ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { fieldErrors, Refusal } from '../../../components/refusal';

/**
 * One change to an incident: its fields, the API's 400 beside them, any other refusal in words
 * (a 409 offers to reload the incident; what was typed stays, it is a draft), and what was done.
 */
export function ChangeForm({
  legend,
  submit,
  error,
  pending,
  done,
  onSubmit,
  onReload,
  children,
}: {
  legend: string;
  submit: string;
  error: unknown;
  pending: boolean;
  done?: string;
  onSubmit: () => void;
  onReload: () => void;
  /** The fields; given the API's 400 by field for those that are not react-aria fields. */
  children: ReactNode | ((errors: Record<string, string>) => ReactNode);
}) {
  const { t } = useTranslation();
  const errors = fieldErrors(error, (message) => t('common.errors.field', { message }));
  return (
    <Form
      className="form narrow change-form"
      aria-label={legend}
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3>{legend}</h3>
      {typeof children === 'function' ? children(errors) : children}
      <Refusal error={error} onReload={onReload} />
      <div>
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? t('common.saving') : submit}
        </button>
      </div>
      <p role="status" className={done ? 'success' : 'visually-hidden'}>
        {done}
      </p>
    </Form>
  );
}
