import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../components/page';
import { Refusal } from '../../components/refusal';
import { ScrollTable } from '../../components/scroll-table';
import { number, text } from '../../lib/api/nullable';
import { useFormat } from '../../lib/i18n/format';
import { useIntegrity, type IntegrityProblem } from './use-integrity';

/**
 * Integritet: whether the log is as it was written. The verified range, the head seal's hash to
 * keep elsewhere, and where the log first breaks, if it does; checked again on request.
 */
export function IntegrityPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const check = useIntegrity();
  const report = check.data;
  const checking = check.isFetching;
  const facts: [string, ReactNode][] = report
    ? [
        ['checkedAt', format.dateTime(report.checkedAt)],
        [
          'range',
          number(report.firstPosition) === undefined
            ? t('integrity.emptyLog')
            : t('integrity.rangeValue', {
                first: format.number(number(report.firstPosition)),
                last: format.number(number(report.lastPosition)),
                events: format.number(report.events),
                streams: format.number(report.streams),
              }),
        ],
        [
          'seals',
          t('integrity.sealsValue', {
            seals: format.number(report.seals),
            sealed: format.number(report.sealedEvents),
            unsealed: format.number(report.unsealedEvents),
          }),
        ],
        [
          'head',
          report.head ? (
            <>
              {t('integrity.headValue', {
                no: report.head.sealNo,
                at: format.dateTime(report.head.sealedAt),
              })}
              <br />
              <code className="hash">{report.head.hash}</code>
            </>
          ) : (
            t('integrity.noSeal')
          ),
        ],
        ['guards', t(report.guardsEnabled ? 'integrity.guardsOn' : 'integrity.guardsOff')],
        ['duration', t('integrity.durationValue', { ms: format.number(report.durationMs) })],
      ]
    : [];
  return (
    <Page
      title={t('integrity.title')}
      actions={
        <button
          type="button"
          className="button primary"
          disabled={checking}
          onClick={() => void check.refetch()}
        >
          {t('integrity.checkNow')}
        </button>
      }
    >
      <p className="muted">{t('integrity.intro')}</p>
      <p role="status" className="visually-hidden">
        {checking ? t('integrity.checking') : ''}
      </p>
      {checking && (
        <p className="checking" aria-hidden={!check.progress}>
          {check.progress ? (
            <>
              <progress
                aria-label={t('integrity.checking')}
                value={check.progress.done}
                max={Math.max(check.progress.total, 1)}
              />{' '}
              {t('integrity.checked', {
                percent: format.number(
                  Math.floor((100 * check.progress.done) / Math.max(check.progress.total, 1)),
                ),
              })}
            </>
          ) : (
            <>
              <progress aria-label={t('integrity.checking')} /> {t('integrity.checking')}
            </>
          )}
        </p>
      )}
      <Refusal error={check.error} />
      {report && (
        <>
          <p className={report.intact ? 'success' : 'notice danger'} role="status">
            <strong>
              {report.intact
                ? t('integrity.intact')
                : t('integrity.broken', { count: report.problemCount })}
            </strong>
          </p>
          {report.firstBreak && <FirstBreak problem={report.firstBreak} />}
          <Section title={t('integrity.factsTitle')} id="facts">
            <dl className="facts">
              {facts.map(([key, value]) => (
                <div key={key}>
                  <dt>{t(`integrity.fields.${key}`)}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </Section>
          {report.problems.length > 1 && (
            <Section title={t('integrity.problemsTitle')} id="problems">
              <ScrollTable label={t('integrity.problemsTitle')}>
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t('integrity.fields.position')}</th>
                      <th scope="col">{t('integrity.fields.kind')}</th>
                      <th scope="col">{t('integrity.fields.detail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.problems.map((problem) => (
                      <tr key={`${problem.kind}-${problem.position}`}>
                        <td>
                          <PositionLink position={problem.position} />
                        </td>
                        <td>{t(`integrity.kinds.${problem.kind}`)}</td>
                        <td>{problem.detail}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            </Section>
          )}
        </>
      )}
    </Page>
  );
}

function FirstBreak({ problem }: { problem: IntegrityProblem }) {
  const { t } = useTranslation();
  const streamId = text(problem.streamId);
  return (
    <Section title={t('integrity.firstBreakTitle')} id="first-break">
      <dl className="facts">
        <div>
          <dt>{t('integrity.fields.kind')}</dt>
          <dd>{t(`integrity.kinds.${problem.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('integrity.fields.position')}</dt>
          <dd>
            <PositionLink position={problem.position} />
          </dd>
        </div>
        {streamId && (
          <div>
            <dt>{t('integrity.fields.stream')}</dt>
            <dd>
              <Link to="/handelselogg" search={{ streamId }}>
                {t('integrity.streamEntries', {
                  stream: streamId,
                  version: number(problem.streamVersion) ?? '–',
                })}
              </Link>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('integrity.fields.detail')}</dt>
          <dd>{problem.detail}</dd>
        </div>
      </dl>
    </Section>
  );
}

function PositionLink({ position }: { position: number }) {
  return (
    <Link to="/handelselogg/$position" params={{ position: String(position) }}>
      {position}
    </Link>
  );
}
