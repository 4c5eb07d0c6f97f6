import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/i18n/format';
import type { LiveState } from '../lib/live/use-live-updates';

/** Registers this many seconds behind are worth saying; less is the pipeline's normal pace. */
const BEHIND_AFTER_SECONDS = 3;

/**
 * Under the header: when the page last took in a change made elsewhere, and, in words, when the
 * registers lag behind the log or the live connection is down (then what is shown may be old).
 */
export function LiveStatus({ live }: { live: LiveState }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { lag } = live;
  const behind = lag !== null && lag.seconds >= BEHIND_AFTER_SECONDS;
  return (
    <div className="live-status">
      {live.connection === 'interrupted' && (
        <p className="notice warning" role="status">
          {t('common.live.interrupted')}
        </p>
      )}
      {behind && (
        <p className="notice warning" role="status">
          {lag.events === null
            ? t('common.live.lagUnknown', { seconds: format.number(lag.seconds) })
            : t('common.live.behind', {
                count: lag.events,
                events: format.number(lag.events),
                seconds: format.number(lag.seconds),
              })}
        </p>
      )}
      <p className="live-updated muted" role="status">
        {live.updatedAt &&
          t('common.live.updated', {
            time: live.updatedAt.toLocaleTimeString(format.locale),
          })}
      </p>
    </div>
  );
}
