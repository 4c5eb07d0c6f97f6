import { useState, type ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { fieldErrors, Refusal } from '../../../components/refusal';

/**
 * One change to an incident, behind a disclosure so that the page reads as the record it is: its
 * fields, the API's 400 beside them, any other refusal in words (a 409 offers to reload the
 * incident; what was typed stays, it is a draft), and what was done. It opens by itself when a
 * draft holds text (after a reload or a new sign-in) or the API refused it.
 */
export function ChangeForm({
  legend,
  submit,
  error,
  pending,
  done,
  startOpen = false,
  onSubmit,
  onReload,
  children,
}: {
  legend: string;
  submit: string;
  error: unknown;
  pending: boolean;
  done?: string;
  startOpen?: boolean;
  onSubmit: () => void;
  onReload: () => void;
  /** The fields; given the API's 400 by field for those that are not react-aria fields. */
  children: ReactNode | ((errors: Record<string, string>) => ReactNode);
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(startOpen);
  const errors = fieldErrors(error, (message) => t('common.errors.field', { message }));
  return (
    <div className="change">
      <details
        className="change-form"
        open={open || !!error}
        onToggle={(event) => setOpen(event.currentTarget.open)}
      >
        <summary>{legend}</summary>
        <Form
          className="form narrow"
          aria-label={legend}
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          {typeof children === 'function' ? children(errors) : children}
          <Refusal error={error} onReload={onReload} />
          <div>
            <button type="submit" className="button primary" disabled={pending}>
              {pending ? t('common.saving') : submit}
            </button>
          </div>
        </Form>
      </details>
      <p role="status" className={done ? 'success' : 'visually-hidden'}>
        {done}
      </p>
    </div>
  );
}

/** Whether a draft holds anything typed (then its form starts open). */
export function hasText(draft: object): boolean {
  return Object.values(draft).some((value) =>
    typeof value === 'string'
      ? value.trim() !== ''
      : Array.isArray(value)
        ? value.some((item) => typeof item === 'object' && item !== null && hasText(item))
        : false,
  );
}
