import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../../components/page';
import { Refusal } from '../../../components/refusal';
import { ApiError } from '../../../lib/api/client';
import { useFormat } from '../../../lib/i18n/format';
import { useRisk } from '../risk/api/use-risk';
import { AcceptanceView } from '../risk/components/acceptance';
import { MitigationList } from '../risk/components/mitigations';
import { ReviewStatus } from '../risk/components/review';
import { AssessmentsTable, RiskFacts, Scenario } from '../risk/components/risk-overview';
import '../risk/risk-page.css';
import { useRiskAsOf } from './api/use-risk-as-of';
import { useRiskHistory } from './api/use-risk-history';
import { instantOf, localMoment } from './components/moments';
import { Timeline } from './components/timeline';

const route = getRouteApi('/risker/$riskId/historik');

/**
 * A risk's history from the log: every event as a timeline entry, and the risk exactly as the
 * register held it at a chosen moment (the moment is in the URL, so the view can be shared).
 */
export function RiskHistoryPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { riskId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const asOf = typeof search.asOf === 'string' && instantOf(search.asOf) ? search.asOf : undefined;
  const risk = useRisk(riskId);
  const history = useRiskHistory(riskId);
  const then = useRiskAsOf(riskId, asOf);
  const [moment, setMoment] = useState(asOf ? localMoment(asOf) : '');
  useEffect(() => setMoment(asOf ? localMoment(asOf) : ''), [asOf]);

  const title = risk.data
    ? t('risk.history.title', { title: risk.data.title })
    : t('risk.history.titleShort');
  const incidentIds = new Set<string>(
    risk.data
      ? [
          ...risk.data.linkedIncidents.map((link) => link.incidentId),
          ...(typeof risk.data.sourceIncidentId === 'string' ? [risk.data.sourceIncidentId] : []),
        ]
      : [],
  );
  const notThen = then.error instanceof ApiError && then.error.status === 404;
  return (
    <Page title={title}>
      <p>
        <Link to="/risker/$riskId" params={{ riskId }}>
          {t('risk.history.backToRisk')}
        </Link>
      </p>
      <Section title={t('risk.history.asOf.title')} id="so-som-den-var">
        <p>{t('risk.history.asOf.intro')}</p>
        <form
          className="as-of"
          onSubmit={(event) => {
            event.preventDefault();
            const instant = instantOf(moment);
            void navigate({
              to: '/risker/$riskId/historik',
              params: { riskId },
              search: instant ? { asOf: instant } : {},
            });
          }}
        >
          <div className="field">
            <label htmlFor="as-of-moment">{t('risk.history.asOf.moment')}</label>
            <input
              id="as-of-moment"
              name="asOf"
              type="datetime-local"
              step={1}
              required
              value={moment}
              onChange={(event) => setMoment(event.target.value)}
            />
          </div>
          <button type="submit" className="button primary">
            {t('risk.history.asOf.show')}
          </button>
          {asOf && (
            <Link to="/risker/$riskId/historik" params={{ riskId }} search={{}} className="button">
              {t('risk.history.asOf.clear')}
            </Link>
          )}
        </form>
        {asOf && (
          <div className="as-of-view" aria-live="polite">
            <h3>{t('risk.history.asOf.heading', { moment: format.dateTime(asOf) })}</h3>
            {notThen ? (
              <p>{t('risk.history.asOf.notThen')}</p>
            ) : then.error ? (
              <Refusal error={then.error} />
            ) : !then.data ? (
              <p role="status">{t('common.loading')}</p>
            ) : (
              <>
                <p className="muted">
                  {t('risk.history.asOf.version', { version: then.data.version })}
                </p>
                <div className="risk-top">
                  <Scenario risk={then.data} />
                  <RiskFacts risk={then.data} />
                </div>
                <h4>{t('risk.sections.assessments')}</h4>
                <AssessmentsTable risk={then.data} />
                <h4>{t('risk.sections.mitigations')}</h4>
                <MitigationList risk={then.data} />
                <h4>{t('risk.sections.acceptance')}</h4>
                <AcceptanceView risk={then.data} />
                <h4>{t('risk.sections.review')}</h4>
                <ReviewStatus risk={then.data} />
              </>
            )}
          </div>
        )}
      </Section>
      <Section title={t('risk.history.events.title')} id="handelser">
        {history.error ? (
          <Refusal error={history.error} />
        ) : !history.data ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <>
            <p>{t('risk.history.events.count', { count: history.data.length })}</p>
            <Timeline riskId={riskId} entries={history.data} incidentIds={incidentIds} />
          </>
        )}
      </Section>
    </Page>
  );
}
