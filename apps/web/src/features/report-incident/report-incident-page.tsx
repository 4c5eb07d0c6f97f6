import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CheckboxInput, SelectInput, TextInput } from '../../components/fields';
import { Page, Section } from '../../components/page';
import { fieldErrors, Refusal } from '../../components/refusal';
import { useRoles, useSession } from '../../lib/auth/use-session';
import { useDraft } from '../../lib/forms/drafts';
import { useOrganisation, type OrganisationalUnit, useAreaOptions } from '../../lib/reference-data';
import { useMyReports } from './api/use-my-reports';
import { useReportableRisks } from './api/use-reportable-risks';
import { useReportIncident } from './api/use-report-incident';
import { ChoiceField } from './components/choice-field';
import { MyReports } from './components/my-reports';
import { Receipt, type ReceiptOf } from './components/receipt';
import { UnitField } from './components/unit-field';
import './report-incident.css';

const KINDS = [
  'DEFICIENCY',
  'DEVIATION',
  'NEAR_MISS',
  'SERIOUS_NEAR_MISS',
  'ACCIDENT',
  'CARE_INJURY',
  'IT_INCIDENT',
] as const;
type Kind = (typeof KINDS)[number];
const SEVERITIES = ['1', '2', '3', '4', '5', 'unknown'];
/** docs/access.md: incidents.report and risks.read. */
const REPORTING_ROLES = ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE', 'RISK_OWNER', 'REPORTER'];
const RISK_READING_ROLES = [
  'ADMINISTRATOR',
  'SECURITY_COORDINATOR',
  'AREA_RESPONSIBLE',
  'RISK_OWNER',
  'INVESTIGATOR',
];

/** "Now" for a date-and-time field: the local wall-clock time, to the minute. */
function localNow(): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const EMPTY = {
  kind: '',
  unit: '',
  area: '',
  occurredAt: '',
  discoveredAt: '',
  personalData: '',
  title: '',
  description: '',
  severity: '',
  immediateActions: '',
  riskIds: [] as string[],
};

/**
 * Rapportera händelse: anyone in the organisation reports a deficiency or an incident from their
 * phone in a minute, and follows what became of their reports below the form.
 */
export function ReportIncidentPage() {
  const { t } = useTranslation();
  const session = useSession();
  const roles = useRoles();
  const mayReport = roles.some((role) => REPORTING_ROLES.includes(role));
  const mayReadRisks = roles.some((role) => RISK_READING_ROLES.includes(role));
  const organisation = useOrganisation();
  const [receipt, setReceipt] = useState<ReceiptOf | undefined>();
  const mine = useMyReports(session?.subject, receipt?.id);
  const unitName = unitNames(organisation.data ?? []);
  return (
    <Page title={t('reportIncident.title')}>
      <p>{t('reportIncident.intro')}</p>
      <p>
        <a href="#mina-rapporter">{t('reportIncident.toMine')}</a>
      </p>
      <div className="report-layout">
        <div>
          {!mayReport ? (
            <p className="notice">
              {t('reportIncident.notAllowed', {
                roles: REPORTING_ROLES.map((role) => t(`common.roles.${role}`)).join(', '),
              })}
            </p>
          ) : receipt ? (
            <Receipt receipt={receipt} onAnother={() => setReceipt(undefined)} />
          ) : (
            <ReportForm
              organisation={organisation.data}
              mayReadRisks={mayReadRisks}
              onReported={setReceipt}
            />
          )}
        </div>
        <Section title={t('reportIncident.mine.title')} id="mina-rapporter">
          {mine.isPending && mine.fetchStatus !== 'idle' && <p>{t('common.loading')}</p>}
          <Refusal error={mine.error} />
          {receipt && mine.data && !mine.data.some((item) => item.incidentId === receipt.id) && (
            <p className="muted" role="status">
              {t('reportIncident.mine.arriving')}
            </p>
          )}
          {mine.data && (
            <MyReports reports={mine.data} unitName={unitName} mayReadRisks={mayReadRisks} />
          )}
        </Section>
      </div>
    </Page>
  );
}

function ReportForm({
  organisation,
  mayReadRisks,
  onReported,
}: {
  organisation: OrganisationalUnit[] | undefined;
  mayReadRisks: boolean;
  onReported: (receipt: ReceiptOf) => void;
}) {
  const { t } = useTranslation();
  const [draft, update, clear] = useDraft('report-incident', { ...EMPTY, occurredAt: localNow() });
  const areaChoices = useAreaOptions(true);
  const risks = useReportableRisks(draft.unit, mayReadRisks);
  const report = useReportIncident();
  const errors = fieldErrors(report.error, (message) => t('common.errors.field', { message }));
  const send = () =>
    report.mutate(
      {
        kind: draft.kind as Kind,
        unit: draft.unit.trim(),
        area: draft.area,
        occurredAt: new Date(draft.occurredAt).toISOString(),
        // Left out, the API takes the moment of reporting: the reporter has just found it.
        discoveredAt: draft.discoveredAt ? new Date(draft.discoveredAt).toISOString() : undefined,
        personalDataAffected:
          draft.personalData === 'yes' ? true : draft.personalData === 'no' ? false : undefined,
        title: draft.title.trim(),
        description: draft.description.trim(),
        severity: /^[1-5]$/.test(draft.severity) ? Number(draft.severity) : undefined,
        immediateActions: draft.immediateActions.trim() || undefined,
        riskIds: draft.riskIds.length ? draft.riskIds : undefined,
      },
      {
        onSuccess: ({ id }) => {
          onReported({ id, at: new Date(), kind: draft.kind });
          clear();
          update({ occurredAt: localNow() });
        },
      },
    );
  const visibleRisks = risks.data ?? [];
  return (
    <Form
      className="form narrow report-form"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <ChoiceField
        label={t('reportIncident.kind.label')}
        name="kind"
        isRequired
        value={draft.kind}
        onChange={(kind) => update({ kind })}
        choices={KINDS.map((kind) => ({
          value: kind,
          label: t(`common.incidentKinds.${kind}`),
          hint: t(`reportIncident.kind.hints.${kind}`),
        }))}
      />
      <UnitField
        organisation={organisation}
        value={draft.unit}
        onChange={(unit) => update({ unit, riskIds: [] })}
        errorMessage={errors.unit}
      />
      <SelectInput
        label={t('reportIncident.area.label')}
        description={t('reportIncident.area.help')}
        name="area"
        isRequired
        value={draft.area}
        onChange={(area) => update({ area })}
        emptyLabel={t('reportIncident.area.choose')}
        errorMessage={errors.area}
        options={areaChoices}
      />
      <TextInput
        label={t('reportIncident.occurredAt.label')}
        description={t('reportIncident.occurredAt.help')}
        name="occurredAt"
        type="datetime-local"
        isRequired
        value={draft.occurredAt}
        onChange={(occurredAt) => update({ occurredAt })}
      />
      <TextInput
        label={t('reportIncident.discoveredAt.label')}
        description={t('reportIncident.discoveredAt.help')}
        name="discoveredAt"
        type="datetime-local"
        value={draft.discoveredAt}
        onChange={(discoveredAt) => update({ discoveredAt })}
      />
      <TextInput
        label={t('reportIncident.what.title')}
        description={t('reportIncident.what.titleHelp')}
        name="title"
        isRequired
        maxLength={200}
        value={draft.title}
        onChange={(title) => update({ title })}
      />
      <TextInput
        label={t('reportIncident.what.description')}
        description={t('reportIncident.what.descriptionHelp')}
        name="description"
        isRequired
        multiline
        maxLength={5000}
        value={draft.description}
        onChange={(description) => update({ description })}
      />
      <ChoiceField
        label={t('reportIncident.severity.label')}
        description={t('reportIncident.severity.help')}
        name="severity"
        value={draft.severity}
        onChange={(severity) => update({ severity })}
        choices={SEVERITIES.map((severity) => ({
          value: severity,
          label: t(`reportIncident.severity.levels.${severity}`),
        }))}
      />
      <ChoiceField
        label={t('reportIncident.personalData.label')}
        description={t('reportIncident.personalData.help')}
        name="personalDataAffected"
        value={draft.personalData}
        onChange={(personalData) => update({ personalData })}
        choices={['yes', 'no', 'unknown'].map((answer) => ({
          value: answer,
          label: t(`reportIncident.personalData.${answer}`),
        }))}
      />
      <TextInput
        label={t('reportIncident.immediateActions.label')}
        description={t('reportIncident.immediateActions.help')}
        name="immediateActions"
        multiline
        maxLength={5000}
        value={draft.immediateActions}
        onChange={(immediateActions) => update({ immediateActions })}
      />
      {visibleRisks.length > 0 && (
        <fieldset>
          <legend>{t('reportIncident.risks.label')}</legend>
          <p className="field-description">{t('reportIncident.risks.help')}</p>
          {visibleRisks.map((risk) => (
            <div key={risk.riskId}>
              <CheckboxInput
                name="riskIds"
                isSelected={draft.riskIds.includes(risk.riskId)}
                onChange={(selected) =>
                  update({
                    riskIds: selected
                      ? [...draft.riskIds, risk.riskId]
                      : draft.riskIds.filter((id) => id !== risk.riskId),
                  })
                }
              >
                {risk.title}
              </CheckboxInput>
            </div>
          ))}
          {errors.riskIds && <p className="field-error">{errors.riskIds}</p>}
        </fieldset>
      )}
      <Refusal error={report.error} />
      <button type="submit" className="button primary" disabled={report.isPending}>
        {report.isPending ? t('common.saving') : t('reportIncident.submit')}
      </button>
      <p className="field-description">{t('reportIncident.draftNote')}</p>
    </Form>
  );
}

/** A unit's name from its code; a unit written in words before the organisation was registered stays as written. */
function unitNames(roots: OrganisationalUnit[]): (code: string) => string {
  const names = new Map<string, string>();
  const visit = (unit: OrganisationalUnit) => {
    names.set(unit.code, unit.name);
    unit.children.forEach(visit);
  };
  roots.forEach(visit);
  return (code) => names.get(code) ?? code;
}
