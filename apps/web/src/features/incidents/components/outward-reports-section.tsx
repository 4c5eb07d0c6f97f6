import { useTranslation } from 'react-i18next';
import { SelectInput, TextInput } from '../../../components/fields';
import { Section } from '../../../components/page';
import { hasText, useDraft } from '../../../lib/forms/drafts';
import { useFormat } from '../../../lib/i18n/format';
import { useReportIncidentToAuthority } from '../api/use-incident-changes';
import type { Incident } from '../api/use-incidents';
import { ChangeForm } from '../../../components/change-form';
import { localNow } from './local-time';
import { OutwardStatus } from './outward-status';

const AUTHORITIES = ['ARBETSMILJOVERKET', 'IVO', 'IMY', 'MSB', 'POLICE', 'OTHER'] as const;
type Authority = (typeof AUTHORITIES)[number];

/** Reports made to authorities (Arbetsmiljöverket, IVO, IMY, MSB, the police), and recording one. */
export function OutwardReportsSection({
  incident,
  mayChange,
  onReload,
}: {
  incident: Incident;
  mayChange: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section title={t('incidents.outward.title')} id="anmalningar">
      <OutwardStatus incident={incident} />
      {incident.outwardReports.length === 0 ? (
        <p>{t('incidents.outward.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{t('incidents.outward.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('incidents.outward.authority')}</th>
                <th scope="col">{t('incidents.outward.reference')}</th>
                <th scope="col">{t('incidents.outward.reportedAt')}</th>
                <th scope="col">{t('incidents.outward.recordedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {incident.outwardReports.map((report) => (
                <tr key={`${report.authority}-${report.reference}`}>
                  <th scope="row">{t(`incidents.authorities.${report.authority}`)}</th>
                  <td>{report.reference}</td>
                  <td>{format.dateTime(report.reportedAt)}</td>
                  <td>{report.recordedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayChange && <OutwardReportForm incident={incident} onReload={onReload} />}
    </Section>
  );
}

function OutwardReportForm({ incident, onReload }: { incident: Incident; onReload: () => void }) {
  const { t } = useTranslation();
  const [draft, update, clear] = useDraft(`incident-outward-${incident.incidentId}`, {
    authority: (incident.outwardReportsMissing[0] ?? '') as string,
    reference: '',
    reportedAt: localNow(),
  });
  const record = useReportIncidentToAuthority(incident.incidentId);
  return (
    <ChangeForm
      startOpen={hasText({ reference: draft.reference })}
      legend={t('incidents.outward.record')}
      submit={t('incidents.outward.submit')}
      error={record.error}
      pending={record.isPending}
      done={record.isSuccess ? t('incidents.outward.done') : undefined}
      onReload={onReload}
      onSubmit={() =>
        record.mutate(
          {
            version: incident.version,
            body: {
              authority: draft.authority as Authority,
              reference: draft.reference.trim(),
              reportedAt: new Date(draft.reportedAt).toISOString(),
            },
          },
          {
            onSuccess: () => {
              clear();
              update({ authority: '', reportedAt: localNow() });
            },
          },
        )
      }
    >
      {(errors) => (
        <>
          <SelectInput
            label={t('incidents.outward.authority')}
            name="authority"
            isRequired
            value={draft.authority}
            onChange={(authority) => update({ authority })}
            emptyLabel={t('incidents.outward.choose')}
            errorMessage={errors.authority}
            options={AUTHORITIES.map((authority) => ({
              value: authority,
              label: t(`incidents.authorities.${authority}`),
            }))}
          />
          <TextInput
            label={t('incidents.outward.reference')}
            description={t('incidents.outward.referenceHelp')}
            name="reference"
            isRequired
            maxLength={200}
            value={draft.reference}
            onChange={(reference) => update({ reference })}
          />
          <TextInput
            label={t('incidents.outward.reportedAt')}
            name="reportedAt"
            type="datetime-local"
            isRequired
            value={draft.reportedAt}
            onChange={(reportedAt) => update({ reportedAt })}
          />
        </>
      )}
    </ChangeForm>
  );
}
