import { type ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Disclosure } from './disclosure';
import { fieldErrors, Refusal } from './refusal';

/**
 * One change to a record (an incident, a goal), behind a disclosure: its fields, the API's 400
 * beside them, any other refusal in words (a 409 offers to reload the record; what was typed
 * stays, it is a draft), and what was done. It opens by itself when a draft holds text (after a
 * reload or a new sign-in) or the API refused it.
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
  onReload?: () => void;
  /** The fields; given the API's 400 by field for those that are not react-aria fields. */
  children: ReactNode | ((errors: Record<string, string>) => ReactNode);
}) {
  const { t } = useTranslation();
  const errors = fieldErrors(error, (message) => t('common.errors.field', { message }));
  return (
    <div className="change">
      <Disclosure summary={legend} startOpen={startOpen} forceOpen={!!error}>
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
      </Disclosure>
      <p role="status" className={done ? 'success' : 'visually-hidden'}>
        {done}
      </p>
    </div>
  );
}
