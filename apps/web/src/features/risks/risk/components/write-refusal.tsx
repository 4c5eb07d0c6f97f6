import { useTranslation } from 'react-i18next';
import { Refusal } from '../../../../components/refusal';
import { ApiError } from '../../../../lib/api/client';
import { roleList } from './who-may';

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
        <p>{mandateText(t, error.message)}</p>
      </div>
    );
  }
  return <Refusal error={error} />;
}

/** "a HIGH risk (score 12, matrix version 1) may be accepted only by X or Y; you hold Z", in words. */
function mandateText(
  t: (key: string, options?: Record<string, unknown>) => string,
  message: string,
) {
  const match =
    /a (\w+) risk \(score (\d+), matrix version (\d+)\) may be accepted (?:only by ([A-Z_ or]+)|nobody[^;]*); you hold (.+)$/.exec(
      message,
    );
  if (!match) return t('rules.acceptance-mandate');
  const [, level, score, version, allowed, held] = match;
  const values = {
    level: t(`common.levels.${level}`, { defaultValue: level }).toLowerCase(),
    score,
    version,
    held: roleList(t, held.split(/,\s*/)),
  };
  return allowed
    ? t('risk.accept.refusedBy', { ...values, roles: roleList(t, allowed.split(' or ')) })
    : t('risk.accept.refusedNobody', values);
}
