import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/i18n/format';
import {
  useReportingDeadlines,
  type ObligationClock,
  type StageClock,
} from '../lib/reporting-deadlines';
import { Refusal } from './refusal';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A span in words: minutes under an hour, hours under two days, then days. */
function duration(t: TFunction, ms: number): string {
  const span = Math.abs(ms);
  if (span < HOUR) {
    return t('reportingClock.duration.minutes', { count: Math.max(1, Math.round(span / MINUTE)) });
  }
  if (span < 48 * HOUR) {
    return t('reportingClock.duration.hours', { count: Math.round(span / HOUR) });
  }
  return t('reportingClock.duration.days', { count: Math.round(span / (24 * HOUR)) });
}

/** Where a stage stands, in words: never by colour alone. */
export function useStageWords(): (stage: StageClock) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (stage) => {
    const date = format.dateTime(stage.deadline);
    switch (stage.status) {
      case 'MET': {
        const reported = format.dateTime(stage.reportedAt);
        if (!stage.late) return t('reportingClock.status.MET', { date: reported });
        const late = Date.parse(stage.reportedAt ?? stage.deadline) - Date.parse(stage.deadline);
        return t('reportingClock.status.metLate', { date: reported, duration: duration(t, late) });
      }
      case 'DUE':
        return t('reportingClock.status.DUE', { date, duration: duration(t, stage.msToDeadline) });
      case 'DUE_NOW':
        return t('reportingClock.status.DUE_NOW', { duration: duration(t, stage.msToDeadline) });
      default:
        return t('reportingClock.status.OVERDUE', {
          date,
          duration: duration(t, stage.msToDeadline),
        });
    }
  };
}

/** The tone of a stage's mark; the mark also says it in a word. */
const TONE: Record<string, string> = {
  MET: 'ok',
  DUE: 'due',
  DUE_NOW: 'warning',
  OVERDUE: 'danger',
};

function StageMark({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <span className={`stage-mark ${TONE[status] ?? 'due'}`}>
      {t(`reportingClock.mark.${status}`, { defaultValue: status })}
    </span>
  );
}

/** Rapporteringsklockan of one incident: each authority, its stages, deadlines and status. */
export function ReportingClock({
  clock,
  discoveredAt,
}: {
  clock: readonly ObligationClock[];
  discoveredAt: string;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const words = useStageWords();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  return (
    <section className="section reporting-clock" aria-labelledby="rapporteringsklockan-title">
      <h2 id="rapporteringsklockan-title">{t('reportingClock.title')}</h2>
      <p>{t('reportingClock.intro', { date: format.dateTime(discoveredAt) })}</p>
      {clock.length === 0 ? (
        <p className="muted">{t('reportingClock.none')}</p>
      ) : (
        <>
          {clock.map((obligation) => (
            <div key={obligation.code} className="obligation">
              <h3>
                {t('reportingClock.authority', {
                  authority: t(`incidents.authorities.${obligation.authority}`),
                  what: obligation[language],
                })}
              </h3>
              <ol className="stages">
                {obligation.stages.map((stage, i) => (
                  <li key={i}>
                    <StageMark status={stage.status} />
                    <div>
                      <strong>{stage[language]}</strong>{' '}
                      <span className="muted">
                        (
                        {stage.withinHours === null
                          ? t('reportingClock.within.withoutDelay')
                          : t('reportingClock.within.hours', { count: stage.withinHours })}
                        )
                      </span>
                      <br />
                      {t('reportingClock.deadline')}:{' '}
                      {stage.withinHours === null
                        ? t('reportingClock.deadlineAtOnce', {
                            date: format.dateTime(stage.deadline),
                          })
                        : t('reportingClock.deadlineAt', { date: format.dateTime(stage.deadline) })}
                      <br />
                      <span className="stage-status">{words(stage)}</span>
                    </div>
                  </li>
                ))}
              </ol>
            </div>
          ))}
          <p className="muted">{t('reportingClock.howToMeet')}</p>
        </>
      )}
    </section>
  );
}

/** The first stage still to report: the one that falls due first. */
function nextStage(clock: readonly ObligationClock[]) {
  const open = clock.flatMap((obligation) =>
    obligation.stages
      .filter((stage) => stage.status !== 'MET')
      .map((stage) => ({ obligation, stage })),
  );
  return open.sort((a, b) => a.stage.deadline.localeCompare(b.stage.deadline))[0];
}

/** The most urgent stage still to report, in words, at the top of the incident's page. */
export function NextReportingStage({ clock }: { clock: readonly ObligationClock[] }) {
  const { t, i18n } = useTranslation();
  const words = useStageWords();
  const next = nextStage(clock);
  if (!next) return null;
  const tone = next.stage.status === 'DUE' ? 'notice' : 'notice warning';
  return (
    <p className={tone}>
      <StageMark status={next.stage.status} />{' '}
      {t('reportingClock.deadlines.next', {
        authority: t(`incidents.authorities.${next.obligation.authority}`),
        stage: next.stage[i18n.language === 'en' ? 'en' : 'sv'],
        status: words(next.stage),
      })}{' '}
      <a href="#rapporteringsklockan-title">{t('reportingClock.seeClock')}</a>
    </p>
  );
}

/**
 * The incidents with a report to an authority still to make, the most urgent first, each a link
 * to its incident with the next stage in words (Mitt arbete and Översikt).
 */
export function ReportingDeadlines({ id, limit = 10 }: { id: string; limit?: number }) {
  const { t, i18n } = useTranslation();
  const words = useStageWords();
  const deadlines = useReportingDeadlines(limit);
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const shown = deadlines.data?.items ?? [];
  const more = (deadlines.data?.total ?? 0) - shown.length;
  return (
    <section className="section work-list" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {t('reportingClock.deadlines.title')}{' '}
        {deadlines.data && <span className="count">({deadlines.data.total})</span>}
      </h2>
      <Refusal error={deadlines.error} />
      {deadlines.isPending && <p role="status">{t('common.loading')}</p>}
      {deadlines.data &&
        (deadlines.data.total === 0 ? (
          <p className="muted">{t('reportingClock.deadlines.none')}</p>
        ) : (
          <ul className="attention deadlines">
            {shown.map((deadline) => {
              const next = nextStage(deadline.reportingClock);
              return (
                <li key={deadline.incidentId}>
                  <Link to="/incidenter/$incidentId" params={{ incidentId: deadline.incidentId }}>
                    {deadline.title}
                  </Link>
                  {next && (
                    <span>
                      <StageMark status={next.stage.status} />{' '}
                      {t('reportingClock.deadlines.next', {
                        authority: t(`incidents.authorities.${next.obligation.authority}`),
                        stage: next.stage[language],
                        status: words(next.stage),
                      })}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        ))}
      {more > 0 && <p className="muted">{t('reportingClock.deadlines.more', { count: more })}</p>}
    </section>
  );
}
