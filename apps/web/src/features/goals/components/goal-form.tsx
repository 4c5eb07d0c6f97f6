import { type ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { fieldErrors, Refusal } from '../../../components/refusal';

/**
 * A change to the goals behind a disclosure (the page stays a list to read): its fields with the
 * API's 400 beside them, other refusals in words (a 409 offers a reload; the draft stays).
 */
export function GoalForm({
  summary,
  submit,
  error,
  pending,
  done,
  onSubmit,
  onReload,
  children,
}: {
  summary: string;
  submit: string;
  error: unknown;
  pending: boolean;
  done?: string;
  onSubmit: () => void;
  onReload?: () => void;
  children: ReactNode | ((errors: Record<string, string>) => ReactNode);
}) {
  const { t } = useTranslation();
  const errors = fieldErrors(error, (message) => t('common.errors.field', { message }));
  return (
    <details className="goal-form" open={error ? true : undefined}>
      <summary>{summary}</summary>
      <Form
        className="form narrow"
        aria-label={summary}
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
      <p role="status" className={done ? 'success' : 'visually-hidden'}>
        {done}
      </p>
    </details>
  );
}
