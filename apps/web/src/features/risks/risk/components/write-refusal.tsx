import { useTranslation } from 'react-i18next';
import { Refusal } from '../../../../components/refusal';
import { ApiError } from '../../../../lib/api/client';
import { roleList } from '../../../../lib/i18n/role-list';

/**
 * A write's refusal in words. A stale If-Match (409 with the current version) gets the risk
 * page's own message and "Läs in igen": the page reloads the risk and every form keeps what was
 * typed (drafts). A refusal beyond the acceptance mandate says which level and who may.
 */
export function WriteRefusal({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.status === 409 && error.currentVersion !== undefined) {
    return (
      <div className="refusal" role="alert">
        <p className="refusal-title">{t('risk.conflict.title')}</p>
        <p>{t('risk.conflict.text')}</p>
        <button type="button" className="button" onClick={onReload}>
          {t('common.reload')}
        </button>
      </div>
    );
  }
  if (error instanceof ApiError && error.rule === 'acceptance-mandate') {
    return (
      <div className="refusal" role="alert">
        <p className="refusal-title">{t('risk.accept.refusedTitle')}</p>
        <p>{mandateText(t, error.facts)}</p>
      </div>
    );
  }
  return <Refusal error={error} />;
}

/** Who may accept a risk of this level, and what the reader holds, from the rule's facts. */
function mandateText(
  t: (key: string, options?: Record<string, unknown>) => string,
  facts: Record<string, unknown> | undefined,
) {
  const { level, score, matrixVersion, acceptableBy, heldRoles } = facts ?? {};
  const isList = (value: unknown): value is string[] =>
    Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (typeof level !== 'string' || !isList(acceptableBy) || !isList(heldRoles)) {
    return t('rules.acceptance-mandate');
  }
  const values = {
    level: t(`common.levels.${level}`, { defaultValue: level }).toLowerCase(),
    score,
    version: matrixVersion,
    held: roleList(t, heldRoles) || t('common.errors.noRole'),
  };
  return acceptableBy.length > 0
    ? t('risk.accept.refusedBy', { ...values, roles: roleList(t, acceptableBy) })
    : t('risk.accept.refusedNobody', values);
}
