import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectInput } from '../../../components/fields';
import { Section } from '../../../components/page';
import { hasText, useDraft } from '../../../lib/forms/drafts';
import { useFormat } from '../../../lib/i18n/format';
import { useLinkIncidentToRisk } from '../api/use-incident-changes';
import type { Incident } from '../api/use-incidents';
import { useRiskChoices } from '../api/use-risk-choices';
import { ChangeForm } from '../../../components/change-form';

/** How the incident bears on each risk, with a link to the risk; and linking another one. */
export function LinkedRisksSection({
  incident,
  riskTitles,
  mayChange,
  mayReadRisks,
  onReload,
}: {
  incident: Incident;
  riskTitles: Map<string, string>;
  mayChange: boolean;
  mayReadRisks: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Section title={t('incidents.risks.title')} id="risker">
      {incident.linkedRisks.length === 0 ? (
        <p>{t('incidents.risks.none')}</p>
      ) : (
        <ul className="item-list">
          {incident.linkedRisks.map((link) => (
            <li key={link.riskId}>
              <Link to="/risker/$riskId" params={{ riskId: link.riskId }}>
                {riskTitles.get(link.riskId) ??
                  t('incidents.risks.unnamed', { id: link.riskId.slice(0, 8) })}
              </Link>
              <br />
              <span>{t(`incidents.risks.relations.${link.relation ?? 'NAMED'}`)}</span>{' '}
              <span className="muted">
                {t('incidents.byAt', { at: format.dateTime(link.linkedAt), by: link.linkedBy })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {mayChange && mayReadRisks && <LinkRiskForm incident={incident} onReload={onReload} />}
    </Section>
  );
}

function LinkRiskForm({ incident, onReload }: { incident: Incident; onReload: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [draft, update, clear] = useDraft(`incident-link-${incident.incidentId}`, {
    riskId: '',
    relation: 'REALISED',
  });
  const link = useLinkIncidentToRisk(incident.incidentId);
  const choices = useRiskChoices(incident.unit, search, true);
  // A risk named at the report has no relation yet: stating one is still possible.
  const stated = new Set(
    incident.linkedRisks.filter((risk) => risk.relation).map((risk) => risk.riskId),
  );
  const options = (choices.data ?? [])
    .filter((risk) => !stated.has(risk.riskId))
    .map((risk) => ({ value: risk.riskId, label: risk.title }));
  return (
    <ChangeForm
      startOpen={hasText({ riskId: draft.riskId })}
      legend={t('incidents.risks.link')}
      submit={t('incidents.risks.submit')}
      error={link.error}
      pending={link.isPending}
      done={link.isSuccess ? t('incidents.risks.done') : undefined}
      onReload={onReload}
      onSubmit={() =>
        link.mutate(
          {
            version: incident.version,
            body: { riskId: draft.riskId, relation: draft.relation as 'REALISED' | 'REVEALED' },
          },
          { onSuccess: clear },
        )
      }
    >
      {(errors) => (
        <>
          <div className="field">
            <label htmlFor="risk-search">{t('incidents.risks.search')}</label>
            <input
              id="risk-search"
              type="search"
              value={search}
              aria-describedby="risk-search-help"
              onChange={(event) => setSearch(event.target.value)}
            />
            <span id="risk-search-help" className="field-description">
              {t('incidents.risks.searchHelp')}
            </span>
          </div>
          <SelectInput
            label={t('incidents.risks.risk')}
            name="riskId"
            isRequired
            value={draft.riskId}
            onChange={(riskId) => update({ riskId })}
            emptyLabel={
              options.length ? t('incidents.risks.choose') : t('incidents.risks.noneToChoose')
            }
            options={options}
            errorMessage={errors.riskId}
          />
          <SelectInput
            label={t('incidents.risks.relation')}
            name="relation"
            isRequired
            value={draft.relation}
            onChange={(relation) => update({ relation })}
            options={['REALISED', 'REVEALED'].map((relation) => ({
              value: relation,
              label: t(`incidents.risks.relations.${relation}`),
            }))}
            errorMessage={errors.relation}
          />
        </>
      )}
    </ChangeForm>
  );
}
