import { Link } from '@tanstack/react-router';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../../components/fields';
import { fieldErrors } from '../../../../components/refusal';
import { useDraft } from '../../../../lib/forms/drafts';
import { useFormat } from '../../../../lib/i18n/format';
import { useReviewRisk } from '../api/risk-writes';
import type { Risk } from '../api/use-risk';
import { text } from './values';
import { FormFooter } from './form-footer';

/** When the risk was and is next to be reviewed, and why it needs review now, in words. */
export function ReviewStatus({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <dl className="facts">
        <div className="fact">
          <dt>{t('risk.review.next')}</dt>
          <dd>
            {format.date(text(risk.nextReviewDate))}
            {risk.reviewOverdue && <strong className="overdue"> {t('risk.review.overdue')}</strong>}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('risk.review.last')}</dt>
          <dd>
            {text(risk.lastReviewedAt)
              ? format.dateTime(text(risk.lastReviewedAt))
              : t('risk.review.never')}
          </dd>
        </div>
      </dl>
      {risk.needsReview && (
        <div className="notice warning">
          <p>
            <strong>{t('risk.review.needsReview')}</strong>
          </p>
          <ul>
            {risk.needsReviewBecause.map((reason) => (
              <li key={reason}>
                <ReviewReason reason={reason} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** The register's reasons, which it gives in English, said in the reader's language. */
function ReviewReason({ reason }: { reason: string }) {
  const { t } = useTranslation();
  const incident = /^incident (\S+) (realised|revealed) the risk$/.exec(reason);
  if (incident) {
    return (
      <>
        {t(`risk.review.reasons.${incident[2]}`)}{' '}
        <Link to="/incidenter/$incidentId" params={{ incidentId: incident[1] }}>
          {t('risk.incidents.open', { id: incident[1].slice(0, 8) })}
        </Link>
      </>
    );
  }
  const yearly = /^yearly re-assessment (\d{4})$/.exec(reason);
  if (yearly) return <>{t('risk.review.reasons.yearly', { year: yearly[1] })}</>;
  const matrix = /^assessed with matrix version (\d+); version (\d+) is in force$/.exec(reason);
  if (matrix)
    return <>{t('risk.review.reasons.matrix', { used: matrix[1], current: matrix[2] })}</>;
  return <span lang="en">{reason}</span>;
}

export function ReviewForm({ risk, onReload }: { risk: Risk; onReload: () => void }) {
  const { t } = useTranslation();
  const review = useReviewRisk(risk.riskId);
  const [draft, update, clear] = useDraft(`risk.${risk.riskId}.review`, {
    notes: '',
    nextReviewDate: '',
  });
  return (
    <Form
      className="form"
      aria-label={t('risk.review.title')}
      validationErrors={fieldErrors(review.error, (message) =>
        t('common.errors.field', { message }),
      )}
      onSubmit={(event) => {
        event.preventDefault();
        review.mutate(
          {
            version: risk.version,
            notes: draft.notes.trim(),
            nextReviewDate: draft.nextReviewDate,
          },
          { onSuccess: () => clear() },
        );
      }}
    >
      <TextInput
        label={t('risk.review.notes')}
        name="notes"
        multiline
        isRequired
        maxLength={2000}
        value={draft.notes}
        onChange={(notes) => update({ notes })}
      />
      <TextInput
        label={t('risk.review.nextReviewDate')}
        name="nextReviewDate"
        type="date"
        isRequired
        description={t('risk.review.nextReviewDateHelp')}
        value={draft.nextReviewDate}
        onChange={(nextReviewDate) => update({ nextReviewDate })}
      />
      <FormFooter mutation={review} onReload={onReload} submit={t('risk.review.submit')} />
    </Form>
  );
}
