import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SelectInput, TextInput } from '../../../components/fields';
import { Section } from '../../../components/page';
import { hasText, useDraft } from '../../../lib/forms/drafts';
import { useFormat } from '../../../lib/i18n/format';
import { useDecideIncidentActions } from '../api/use-incident-changes';
import type { Incident } from '../api/use-incidents';
import { ChangeForm } from '../../../components/change-form';
import { text } from '../../../lib/api/nullable';

const EMPTY_ACTION = { riskId: '', description: '', mitigationId: '' };

/** The actions decided on the investigation, each on a linked risk, where its measure is planned. */
export function ActionsSection({
  incident,
  riskTitles,
  mayChange,
  onReload,
}: {
  incident: Incident;
  riskTitles: Map<string, string>;
  mayChange: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const riskName = (id: string) =>
    riskTitles.get(id) ?? t('incidents.risks.unnamed', { id: id.slice(0, 8) });
  const investigated = !!text(incident.findings);
  return (
    <Section title={t('incidents.actions.title')} id="atgarder">
      {incident.actions.length === 0 ? (
        <p>{t('incidents.actions.none')}</p>
      ) : (
        <ul className="item-list">
          {incident.actions.map((action, index) => (
            <li key={index}>
              <span className="prose">{action.description}</span>
              <br />
              {t('incidents.actions.onRisk')}{' '}
              <Link to="/risker/$riskId" params={{ riskId: action.riskId }}>
                {riskName(action.riskId)}
              </Link>{' '}
              <span className="muted">
                {t('incidents.byAt', {
                  at: format.dateTime(action.decidedAt),
                  by: action.decidedBy,
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {mayChange &&
        (!investigated ? (
          <p className="muted">{t('incidents.actions.afterInvestigation')}</p>
        ) : incident.linkedRisks.length === 0 ? (
          <p className="muted">{t('incidents.actions.linkFirst')}</p>
        ) : (
          <ActionsForm incident={incident} riskName={riskName} onReload={onReload} />
        ))}
    </Section>
  );
}

function ActionsForm({
  incident,
  riskName,
  onReload,
}: {
  incident: Incident;
  riskName: (id: string) => string;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [draft, update, clear] = useDraft(`incident-actions-${incident.incidentId}`, {
    actions: [EMPTY_ACTION],
  });
  const decide = useDecideIncidentActions(incident.incidentId);
  const change = (index: number, part: Partial<typeof EMPTY_ACTION>) =>
    update({
      actions: draft.actions.map((action, i) => (i === index ? { ...action, ...part } : action)),
    });
  const risks = incident.linkedRisks.map((link) => ({
    value: link.riskId,
    label: riskName(link.riskId),
  }));
  return (
    <ChangeForm
      startOpen={hasText(draft)}
      legend={t('incidents.actions.decide')}
      submit={t('incidents.actions.submit')}
      error={decide.error}
      pending={decide.isPending}
      done={decide.isSuccess ? t('incidents.actions.done') : undefined}
      onReload={onReload}
      onSubmit={() =>
        decide.mutate(
          {
            version: incident.version,
            body: {
              actions: draft.actions.map((action) => ({
                riskId: action.riskId,
                description: action.description.trim(),
                mitigationId: action.mitigationId.trim() || undefined,
              })),
            },
          },
          { onSuccess: clear },
        )
      }
    >
      {(errors) => (
        <>
          <p className="field-description">{t('incidents.actions.help')}</p>
          {draft.actions.map((action, index) => (
            <fieldset key={index}>
              <legend>{t('incidents.actions.action', { number: index + 1 })}</legend>
              <div className="form">
                <SelectInput
                  label={t('incidents.actions.risk')}
                  name={`actions[${index}].riskId`}
                  isRequired
                  value={action.riskId}
                  onChange={(riskId) => change(index, { riskId })}
                  emptyLabel={t('incidents.risks.choose')}
                  options={risks}
                  errorMessage={errors[`actions[${index}].riskId`]}
                />
                <TextInput
                  label={t('incidents.actions.description')}
                  name={`actions[${index}].description`}
                  isRequired
                  multiline
                  maxLength={2000}
                  value={action.description}
                  onChange={(description) => change(index, { description })}
                />
                <TextInput
                  label={t('incidents.actions.mitigationId')}
                  description={t('incidents.actions.mitigationIdHelp')}
                  name={`actions[${index}].mitigationId`}
                  value={action.mitigationId}
                  onChange={(mitigationId) => change(index, { mitigationId })}
                />
                {draft.actions.length > 1 && (
                  <div>
                    <button
                      type="button"
                      className="button"
                      onClick={() =>
                        update({ actions: draft.actions.filter((_, i) => i !== index) })
                      }
                    >
                      {t('incidents.actions.remove', { number: index + 1 })}
                    </button>
                  </div>
                )}
              </div>
            </fieldset>
          ))}
          <div>
            <button
              type="button"
              className="button"
              onClick={() => update({ actions: [...draft.actions, EMPTY_ACTION] })}
            >
              {t('incidents.actions.add')}
            </button>
          </div>
        </>
      )}
    </ChangeForm>
  );
}
