import { useTranslation } from 'react-i18next';
import { Refusal } from '../../../components/refusal';
import { ApiError } from '../../../lib/api/client';
import { useFormat } from '../../../lib/i18n/format';
import { useCaseFile, type CaseFileSelection } from '../api/use-case-file';

/**
 * "Ladda ner akt": the case file the CLI writes, for a record with its chain or for a time range.
 * It shows how far it has come (reading the events, then verifying the whole log), saves the
 * zip, and shows the SHA-256 of its events.jsonl to write on the receipt.
 */
export function CaseFileDownload({
  selection,
  what,
  unavailable,
}: {
  /** Absent: nothing to make one of yet, and `unavailable` says why. */
  selection: CaseFileSelection | undefined;
  /** What the case file holds, in words, for the button's name. */
  what: string;
  unavailable?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const caseFile = useCaseFile();
  const job = caseFile.job;
  const notCleared =
    caseFile.error instanceof ApiError && caseFile.error.status === 403 && !caseFile.error.roles;
  return (
    <div className="case-file">
      <p>
        <button
          type="button"
          className="button"
          disabled={!selection || caseFile.pending}
          aria-describedby={!selection && unavailable ? 'case-file-unavailable' : undefined}
          onClick={() => selection && caseFile.start(selection)}
        >
          {t('eventLog.caseFile.start', { what })}
        </button>
      </p>
      {!selection && unavailable && (
        <p id="case-file-unavailable" className="muted">
          {unavailable}
        </p>
      )}
      {notCleared ? (
        <p className="refusal" role="alert">
          {t('eventLog.caseFile.notCleared')}
        </p>
      ) : (
        <Refusal error={caseFile.error} />
      )}
      {job?.status === 'RUNNING' && (
        <>
          {/* The phase is announced as it changes; the numbers only show (read out twice a
              second, they would drown everything else). */}
          <p role="status" className="visually-hidden">
            {t(`eventLog.caseFile.phaseName.${job.phase}`)}
          </p>
          <p>
            <label>
              {t(`eventLog.caseFile.phase.${job.phase}`, {
                done: format.number(job.done),
                total: format.number(job.total),
              })}{' '}
              <progress value={job.done} max={Math.max(job.total, 1)} />
            </label>
          </p>
        </>
      )}
      {job?.status === 'FAILED' && (
        <p className="refusal" role="alert">
          {t('eventLog.caseFile.failed', { why: job.failure ?? '' })}
        </p>
      )}
      {job?.status === 'DONE' && (
        <div role="status" className={job.logIntact ? 'success' : 'notice danger'}>
          <p>
            {t('eventLog.caseFile.done', {
              count: job.events ?? 0,
              events: format.number(job.events ?? 0),
              file: job.fileName,
            })}{' '}
            {t(job.logIntact ? 'eventLog.caseFile.intact' : 'eventLog.caseFile.broken')}
          </p>
          <p>
            {t('eventLog.caseFile.receipt')}{' '}
            <code className="case-file-hash">{job.eventsSha256}</code>
          </p>
          <button type="button" className="link-button" onClick={caseFile.saveAgain}>
            {t('eventLog.caseFile.saveAgain')}
          </button>
        </div>
      )}
    </div>
  );
}
