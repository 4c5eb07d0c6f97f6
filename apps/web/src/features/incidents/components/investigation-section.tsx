import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../components/fields';
import { Section } from '../../../components/page';
import { hasText, useDraft } from '../../../lib/forms/drafts';
import { useFormat } from '../../../lib/i18n/format';
import { useInvestigateIncident } from '../api/use-incident-changes';
import type { Incident } from '../api/use-incidents';
import { ChangeForm } from '../../../components/change-form';
import { text } from '../../../lib/api/nullable';

export function InvestigationSection({
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
  const findings = text(incident.findings);
  const rootCause = text(incident.rootCause);
  return (
    <Section title={t('incidents.investigation.title')} id="utredning">
      {findings ? (
        <dl className="facts">
          <dt>{t('incidents.investigation.findings')}</dt>
          <dd className="prose">{findings}</dd>
          <dt>{t('incidents.investigation.rootCause')}</dt>
          <dd className="prose">{rootCause}</dd>
          <dt>{t('incidents.investigation.recorded')}</dt>
          <dd>
            {t('incidents.byAt', {
              at: format.dateTime(text(incident.investigatedAt)),
              by: text(incident.investigatedBy) ?? '–',
            })}
          </dd>
        </dl>
      ) : (
        <p>{t('incidents.investigation.none')}</p>
      )}
      {mayChange && (
        <InvestigationForm incident={incident} again={!!findings} onReload={onReload} />
      )}
    </Section>
  );
}

function InvestigationForm({
  incident,
  again,
  onReload,
}: {
  incident: Incident;
  again: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [draft, update, clear] = useDraft(`incident-investigation-${incident.incidentId}`, {
    findings: '',
    rootCause: '',
  });
  const investigate = useInvestigateIncident(incident.incidentId);
  return (
    <ChangeForm
      // Not yet investigated: recording the investigation is the next step.
      startOpen={!again || hasText(draft)}
      legend={t(again ? 'incidents.investigation.again' : 'incidents.investigation.record')}
      submit={t('incidents.investigation.submit')}
      error={investigate.error}
      pending={investigate.isPending}
      done={investigate.isSuccess ? t('incidents.investigation.done') : undefined}
      onReload={onReload}
      onSubmit={() =>
        investigate.mutate(
          {
            version: incident.version,
            body: { findings: draft.findings.trim(), rootCause: draft.rootCause.trim() },
          },
          { onSuccess: clear },
        )
      }
    >
      {again && <p className="field-description">{t('incidents.investigation.supersedes')}</p>}
      <TextInput
        label={t('incidents.investigation.findings')}
        description={t('incidents.investigation.findingsHelp')}
        name="findings"
        multiline
        isRequired
        maxLength={5000}
        value={draft.findings}
        onChange={(findings) => update({ findings })}
      />
      <TextInput
        label={t('incidents.investigation.rootCause')}
        description={t('incidents.investigation.rootCauseHelp')}
        name="rootCause"
        multiline
        isRequired
        maxLength={2000}
        value={draft.rootCause}
        onChange={(rootCause) => update({ rootCause })}
      />
    </ChangeForm>
  );
}
