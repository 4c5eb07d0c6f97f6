import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../components/fields';
import { Section } from '../../../components/page';
import { hasText, useDraft } from '../../../lib/forms/drafts';
import { useFormat } from '../../../lib/i18n/format';
import { useCloseIncident, useDismissIncident } from '../api/use-incident-changes';
import type { Incident } from '../api/use-incidents';
import { ChangeForm } from '../../../components/change-form';
import { text } from '../../../lib/api/nullable';

/** Kinds that must be investigated before they close (the domain's KINDS_TO_INVESTIGATE). */
const TO_INVESTIGATE = ['SERIOUS_NEAR_MISS', 'ACCIDENT', 'CARE_INJURY'];

/** How the incident ended (closed with a summary, or dismissed with a reason), or ending it. */
export function ClosureSection({
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
  if (incident.status === 'CLOSED' || incident.status === 'DISMISSED') {
    const closed = incident.status === 'CLOSED';
    return (
      <Section title={t('incidents.closure.title')} id="avslut">
        <dl className="facts">
          <dt>{t(closed ? 'incidents.closure.summary' : 'incidents.closure.reason')}</dt>
          <dd className="prose">
            {text(closed ? incident.closingSummary : incident.dismissalReason)}
          </dd>
          <dt>{t(closed ? 'incidents.closure.closed' : 'incidents.closure.dismissed')}</dt>
          <dd>
            {t('incidents.byAt', {
              at: format.dateTime(text(closed ? incident.closedAt : incident.dismissedAt)),
              by: text(closed ? incident.closedBy : incident.dismissedBy) ?? '–',
            })}
          </dd>
        </dl>
      </Section>
    );
  }
  const blockers = [
    ...incident.outwardReportsMissing.map((authority) =>
      t('incidents.outward.missing', { authority: t(`incidents.authorities.${authority}`) }),
    ),
    ...(incident.kind && TO_INVESTIGATE.includes(incident.kind) && !text(incident.findings)
      ? [t('incidents.closure.investigateFirst')]
      : []),
  ];
  return (
    <Section title={t('incidents.closure.title')} id="avslut">
      <p>{t('incidents.closure.open')}</p>
      {blockers.length > 0 && (
        <div className="notice warning">
          <p>{t('incidents.closure.blocked')}</p>
          <ul>
            {blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        </div>
      )}
      {mayChange && (
        <div className="grid">
          <CloseForm incident={incident} onReload={onReload} />
          <DismissForm incident={incident} onReload={onReload} />
        </div>
      )}
    </Section>
  );
}

function CloseForm({ incident, onReload }: { incident: Incident; onReload: () => void }) {
  const { t } = useTranslation();
  const [draft, update, clear] = useDraft(`incident-close-${incident.incidentId}`, {
    summary: '',
  });
  const close = useCloseIncident(incident.incidentId);
  return (
    <ChangeForm
      startOpen={hasText(draft)}
      legend={t('incidents.closure.close')}
      submit={t('incidents.closure.closeSubmit')}
      error={close.error}
      pending={close.isPending}
      onReload={onReload}
      onSubmit={() =>
        close.mutate(
          { version: incident.version, body: { summary: draft.summary.trim() } },
          { onSuccess: clear },
        )
      }
    >
      <TextInput
        label={t('incidents.closure.summary')}
        description={t('incidents.closure.summaryHelp')}
        name="summary"
        multiline
        isRequired
        maxLength={5000}
        value={draft.summary}
        onChange={(summary) => update({ summary })}
      />
    </ChangeForm>
  );
}

function DismissForm({ incident, onReload }: { incident: Incident; onReload: () => void }) {
  const { t } = useTranslation();
  const [draft, update, clear] = useDraft(`incident-dismiss-${incident.incidentId}`, {
    reason: '',
  });
  const dismiss = useDismissIncident(incident.incidentId);
  return (
    <ChangeForm
      startOpen={hasText(draft)}
      legend={t('incidents.closure.dismiss')}
      submit={t('incidents.closure.dismissSubmit')}
      error={dismiss.error}
      pending={dismiss.isPending}
      onReload={onReload}
      onSubmit={() =>
        dismiss.mutate(
          { version: incident.version, body: { reason: draft.reason.trim() } },
          { onSuccess: clear },
        )
      }
    >
      <TextInput
        label={t('incidents.closure.reason')}
        description={t('incidents.closure.reasonHelp')}
        name="reason"
        multiline
        isRequired
        maxLength={2000}
        value={draft.reason}
        onChange={(reason) => update({ reason })}
      />
    </ChangeForm>
  );
}
