import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api/client';

/**
 * A refusal in words where it belongs: a 400's fields are shown beside the fields themselves
 * (see fieldErrors); this says what happened overall, and what the user can do.
 */
export function Refusal({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  // Before the early return: a hook called only once an error arrives breaks React's hook order.
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
    case 403: {
      const match = /needs one of the roles ([A-Z_, ]+); you hold ([A-Z_, ]+|nothing)/.exec(
        error.message,
      );
      if (!match) return t('common.errors.forbiddenGeneric');
      const roles = (list: string) =>
        list
          .split(/,\s*/)
          .map((role) => t(`common.roles.${role.trim()}`, { defaultValue: role.trim() }))
          .join(` ${t('common.or')} `);
      return t('common.errors.forbidden', { roles: roles(match[1]), held: roles(match[2]) });
    }
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
