import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/page';
import { Refusal } from '../../../components/refusal';
import { NextReportingStage, ReportingClock } from '../../../components/reporting-clock';
import { useRoles } from '../../../lib/auth/use-session';
import { useOrganisation } from '../../../lib/reference-data';
import { incidentKey, useIncident } from '../api/use-incident';
import { useLinkedRiskTitles } from '../api/use-linked-risks';
import { ActionsSection } from '../components/actions-section';
import { ChainSection } from '../components/chain-section';
import { ClosureSection } from '../components/closure-section';
import { IncidentFacts } from '../components/incident-facts';
import { InvestigationSection } from '../components/investigation-section';
import { LinkedRisksSection } from '../components/linked-risks-section';
import { OutwardReportsSection } from '../components/outward-reports-section';
import { OutwardStatus } from '../components/outward-status';
import { PersonalDataForm } from '../components/personal-data-form';
import { unitNamer } from '../../../lib/units';
import { HISTORY_ROLES, holdsAny, MANAGING_ROLES, RISK_READING_ROLES } from '../roles';
import '../incidents.css';

const route = getRouteApi('/incidenter/$incidentId');

/**
 * One incident and its handling: investigation, linked risks, decided actions, reports to
 * authorities, closure, and the chain of what followed. Each form is offered only to the roles
 * that may use it (incidents.manage), and only while the incident is open.
 */
export function IncidentPage() {
  const { t } = useTranslation();
  const { incidentId } = route.useParams();
  const roles = useRoles();
  const client = useQueryClient();
  const incident = useIncident(incidentId);
  const organisation = useOrganisation();
  const mayReadRisks = holdsAny(roles, RISK_READING_ROLES);
  const riskIds = [
    ...new Set([
      ...(incident.data?.linkedRisks.map((link) => link.riskId) ?? []),
      ...(incident.data?.actions.map((action) => action.riskId) ?? []),
    ]),
  ];
  const riskTitles = useLinkedRiskTitles(riskIds, mayReadRisks);
  const reload = () => void client.invalidateQueries({ queryKey: incidentKey(incidentId) });
  if (!incident.data) {
    return (
      <Page title={t('incidents.incident.title')}>
        {incident.isPending ? <p>{t('common.loading')}</p> : <Refusal error={incident.error} />}
        <p>
          <Link to="/incidenter">{t('incidents.incident.back')}</Link>
        </p>
      </Page>
    );
  }
  const data = incident.data;
  const open = data.status !== 'CLOSED' && data.status !== 'DISMISSED';
  const mayManage = holdsAny(roles, MANAGING_ROLES);
  const mayChange = mayManage && open;
  const sections = { incident: data, mayChange, onReload: reload };
  return (
    <Page title={data.title}>
      <p>
        <Link to="/incidenter">{t('incidents.incident.back')}</Link>
      </p>
      {data.reportingClock.length > 0 ? (
        <NextReportingStage clock={data.reportingClock} />
      ) : (
        <OutwardStatus incident={data} />
      )}
      {!mayManage && (
        <p className="muted">
          {t('incidents.incident.readOnly', {
            roles: MANAGING_ROLES.map((role) => t(`common.roles.${role}`)).join(
              ` ${t('common.or')} `,
            ),
          })}
        </p>
      )}
      <div className="incident-layout">
        <div className="incident-main">
          <section className="section" aria-labelledby="vad-hande-title">
            <h2 id="vad-hande-title">{t('incidents.incident.reported')}</h2>
            <IncidentFacts incident={data} unitName={unitNamer(organisation.data ?? [])} />
            {mayChange && <PersonalDataForm incident={data} onReload={reload} />}
          </section>
          {data.reportingClock.length > 0 && (
            <ReportingClock clock={data.reportingClock} discoveredAt={data.discoveredAt} />
          )}
          <InvestigationSection {...sections} />
          <LinkedRisksSection {...sections} riskTitles={riskTitles} mayReadRisks={mayReadRisks} />
          <ActionsSection {...sections} riskTitles={riskTitles} />
          <OutwardReportsSection {...sections} />
          <ClosureSection {...sections} />
        </div>
        {holdsAny(roles, HISTORY_ROLES) && (
          <div className="incident-aside">
            <ChainSection incidentId={incidentId} />
          </div>
        )}
      </div>
    </Page>
  );
}
