import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../../../components/disclosure';
import { Page, Section } from '../../../components/page';
import { Refusal } from '../../../components/refusal';
import { useCurrentMatrix } from '../../../lib/reference-data';
import { useRisk, type Risk } from './api/use-risk';
import { AcceptanceView, AcceptForm } from './components/acceptance';
import { AssessForm } from './components/assess-form';
import { Closure } from './components/closure';
import { LinkedIncidents } from './components/linked-incidents';
import { MitigationActions, MitigationList } from './components/mitigations';
import { OwnerForm } from './components/owner-form';
import { PlanMitigationForm } from './components/plan-mitigation-form';
import { AssessmentsTable, RiskFacts, Scenario } from './components/risk-overview';
import { ReviewForm, ReviewStatus } from './components/review';
import { ScoreChart } from './components/score-chart';
import { WhoMay } from './components/who-may';
import { RISK_PERMISSIONS, useRiskPermissions } from './permissions';
import './risk-page.css';

const route = getRouteApi('/risker/$riskId');

const SECTIONS = [
  'assessments',
  'chart',
  'mitigations',
  'acceptance',
  'review',
  'owner',
  'incidents',
  'closure',
] as const;

/**
 * One risk: what it is, how it is assessed and treated, whether it is accepted, reviewed and
 * linked to incidents, and what the reader may do about it. Every write names the version shown.
 */
export function RiskPage() {
  const { t } = useTranslation();
  const { riskId } = route.useParams();
  const query = useRisk(riskId);
  const matrix = useCurrentMatrix();
  const permissions = useRiskPermissions();
  if (!query.data) {
    return (
      <Page title={t('risk.title')}>
        {query.error ? <Refusal error={query.error} /> : <p role="status">{t('risk.loading')}</p>}
      </Page>
    );
  }
  const risk = query.data;
  const reload = () => void query.refetch();
  const open = risk.status === 'OPEN';
  return (
    <Page
      title={risk.title}
      actions={
        permissions.history && (
          <Link to="/risker/$riskId/historik" params={{ riskId }} className="button">
            {t('risk.historyLink')}
          </Link>
        )
      }
    >
      <p className="muted">
        <Link to="/risker">{t('risk.backToRegister')}</Link>
      </p>
      {query.isRefetching && <p role="status">{t('risk.reloading')}</p>}
      <div className="risk-top">
        <Scenario risk={risk} />
        <RiskFacts risk={risk} />
      </div>
      <nav aria-label={t('risk.contents')} className="risk-contents">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section}>
              <a href={`#${section}-title`}>{t(`risk.sections.${section}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {!open && <p className="notice warning">{t('risk.closedNotice')}</p>}

      <Section title={t('risk.sections.assessments')} id="assessments">
        <AssessmentsTable risk={risk} />
        <WriteArea title={t('risk.assess.title')} permission="write" visible={open}>
          {matrix.data ? (
            <AssessForm risk={risk} matrix={matrix.data} onReload={reload} />
          ) : (
            <Refusal error={matrix.error} />
          )}
        </WriteArea>
      </Section>

      <Section title={t('risk.sections.chart')} id="chart">
        <ScoreChart risk={risk} matrix={matrix.data} />
      </Section>

      <Section title={t('risk.sections.mitigations')} id="mitigations">
        <MitigationList
          risk={risk}
          actions={
            permissions.write && open
              ? (mitigation) => (
                  <MitigationActions risk={risk} mitigation={mitigation} onReload={reload} />
                )
              : undefined
          }
        />
        <WriteArea title={t('risk.plan.title')} permission="write" visible={open}>
          <PlanMitigationForm risk={risk} onReload={reload} />
        </WriteArea>
      </Section>

      <Section title={t('risk.sections.acceptance')} id="acceptance">
        <AcceptanceView risk={risk} canRevoke={permissions.accept} onReload={reload} />
        <WriteArea title={t('risk.accept.title')} permission="accept" visible={open}>
          {matrix.data && (
            <AcceptForm
              risk={risk}
              matrix={matrix.data}
              roles={permissions.roles}
              onReload={reload}
            />
          )}
        </WriteArea>
      </Section>

      <Section title={t('risk.sections.review')} id="review">
        <ReviewStatus risk={risk} />
        <WriteArea title={t('risk.review.title')} permission="write" visible={open}>
          <ReviewForm risk={risk} onReload={reload} />
        </WriteArea>
      </Section>

      <Section title={t('risk.sections.owner')} id="owner">
        <OwnerLine risk={risk} />
        <WriteArea title={t('risk.owner.title')} permission="write" visible={open}>
          <OwnerForm risk={risk} onReload={reload} />
        </WriteArea>
      </Section>

      <Section title={t('risk.sections.incidents')} id="incidents">
        <LinkedIncidents risk={risk} />
      </Section>

      <Section title={t('risk.sections.closure')} id="closure">
        <WriteArea
          title={open ? t('risk.closure.close.title') : t('risk.closure.reopen.title')}
          permission="write"
          visible
        >
          <Closure risk={risk} onReload={reload} />
        </WriteArea>
      </Section>
    </Page>
  );
}

/**
 * A form folded under the line that names it, with who may use it; only the heading and that
 * sentence when the reader may not. Folded, the page reads as the record it is, also on a phone.
 */
function WriteArea({
  title,
  permission,
  visible,
  children,
}: {
  title: string;
  permission: keyof typeof RISK_PERMISSIONS;
  visible: boolean;
  children: ReactNode;
}) {
  const permissions = useRiskPermissions();
  if (!visible) return null;
  const allowed = permissions[permission];
  const whoMay = <WhoMay roles={RISK_PERMISSIONS[permission]} allowed={allowed} />;
  return (
    <div className="write-area">
      {allowed ? (
        <Disclosure summary={title}>
          {whoMay}
          {children}
        </Disclosure>
      ) : (
        <>
          <h3>{title}</h3>
          {whoMay}
        </>
      )}
    </div>
  );
}

function OwnerLine({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  const owner = typeof risk.owner === 'string' ? risk.owner : t('risk.facts.noOwner');
  return <p>{t('risk.owner.current', { owner })}</p>;
}
