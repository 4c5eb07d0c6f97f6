import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { Refusal } from '../../components/refusal';
import { ReportingDeadlines } from '../../components/reporting-clock';
import { useRoles, useSession } from '../../lib/auth/use-session';
import { useFormat } from '../../lib/i18n/format';
import { useHorizon, type RiskEntry, type RiskFilter } from './api/use-my-work';
import { IncidentWork, RiskWork } from './components/work-list';

/** docs/access.md: incidents.manage, the roles that investigate and close incidents. */
const INVESTIGATING_ROLES = ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE'];

/** A calendar day the API gives as a string; the register types some of them loosely. */
const day = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Mitt arbete: what the signed-in person should do next — the risks they own whose review is due
 * or whose mitigations are late, acceptances about to lapse, and incidents waiting to be
 * investigated, and deadlines for reports to authorities (Rapporteringsklockan) — each a link to
 * where it is done.
 */
export function MyWorkPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const roles = useRoles();
  const horizon = useHorizon();
  const investigates = roles.some((role) => INVESTIGATING_ROLES.includes(role));
  const mine =
    horizon.data && session
      ? { owner: session.subject, status: 'OPEN' as const, horizon: horizon.data.horizon }
      : undefined;
  const reviews: RiskFilter | undefined = mine && {
    owner: mine.owner,
    status: mine.status,
    reviewDueBefore: mine.horizon,
    sort: 'nextReviewDate',
  };
  const lateMitigations: RiskFilter | undefined = mine && {
    owner: mine.owner,
    status: mine.status,
    mitigationOverdue: true,
  };
  const lapsing: RiskFilter | undefined = mine && {
    owner: mine.owner,
    status: mine.status,
    acceptanceLapsesBefore: mine.horizon,
  };
  const today = horizon.data?.today ?? '';

  const reviewDetail = (risk: RiskEntry) => {
    const due = day(risk.nextReviewDate);
    if (!due) return t('myWork.reviews.requested');
    return due < today
      ? t('myWork.reviews.overdue', { date: format.date(due) })
      : t('myWork.reviews.due', { date: format.date(due) });
  };
  const lateDetail = (risk: RiskEntry) => {
    const late = risk.mitigations.filter(
      (m) =>
        (m.status === 'PLANNED' || m.status === 'IN_PROGRESS') &&
        (day(m.dueDate) ?? '9999') < today,
    );
    return t('myWork.mitigations.late', {
      count: late.length,
      titles: late.map((m) => m.title).join(', '),
    });
  };
  const lapseDetail = (risk: RiskEntry) =>
    risk.acceptance
      ? t('myWork.acceptances.lapses', { date: format.date(risk.acceptance.lapsesOn) })
      : '';
  return (
    <Page title={t('myWork.title')}>
      <p>{t('myWork.intro', { name: session?.name ?? '' })}</p>
      <Refusal error={horizon.error} />
      <RiskWork id="reviews" filter={reviews} detail={reviewDetail} />
      <RiskWork id="mitigations" filter={lateMitigations} detail={lateDetail} />
      <RiskWork id="acceptances" filter={lapsing} detail={lapseDetail} />
      {investigates && (
        <>
          <ReportingDeadlines id="deadlines" limit={50} />
          <IncidentWork
            id="investigate"
            filter={{ status: 'REPORTED', sort: 'reportedAt' }}
            detail={(incident) =>
              t('myWork.investigate.reported', { date: format.dateTime(incident.reportedAt) })
            }
          />
        </>
      )}
    </Page>
  );
}
