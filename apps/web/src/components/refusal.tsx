import { useTranslation } from 'react-i18next';
import { roleList } from '../lib/i18n/role-list';
import { ApiError } from '../lib/api/client';

/**
 * A refusal in words where it belongs: a 400's fields are shown beside the fields themselves
 * (see fieldErrors); this says what happened overall, and what the user can do.
 */
export function Refusal({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  // Hooks before the early return: a form's error comes and goes between renders.
  const text = useRefusalText(error);
  if (!error) return null;
  return (
    <div className="refusal" role="alert">
      <p className="refusal-title">{t('common.errors.title')}</p>
      <p>{text}</p>
      {error instanceof ApiError &&
        error.status === 409 &&
        error.currentVersion !== undefined &&
        onReload && (
          <button type="button" className="button" onClick={onReload}>
            {t('common.reload')}
          </button>
        )}
    </div>
  );
}

export function useRefusalText(error: unknown): string {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return t('common.errors.network');
  switch (error.status) {
    case 400:
      return t('common.errors.badRequest');
    case 403:
      return error.roles
        ? t('common.errors.forbidden', {
            roles: roleList(t, error.roles.required),
            held: roleList(t, error.roles.held) || t('common.errors.noRole'),
          })
        : t('common.errors.forbiddenGeneric');
    case 404:
      return t('common.errors.notFound');
    case 409:
      if (error.currentVersion !== undefined) return t('common.errors.conflict');
      return (
        t(`rules.${error.rule}`, { defaultValue: '' }) ||
        t('common.errors.rule', { message: error.message })
      );
    case 503:
      return t('common.errors.unavailable');
    default:
      return t('common.errors.unexpected', { status: error.status });
  }
}

/** The API's 400, field by field, for a react-aria Form's validationErrors. */
export function fieldErrors(
  error: unknown,
  translate: (message: string) => string,
): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const byField: Record<string, string> = {};
  for (const { field, message } of error.fields) {
    byField[field] ??= translate(message);
  }
  return byField;
}
