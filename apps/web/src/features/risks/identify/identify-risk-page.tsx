import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { CheckboxInput, SelectInput, TextInput } from '../../../components/fields';
import { Page, Section } from '../../../components/page';
import { fieldErrors, Refusal } from '../../../components/refusal';
import { useSession } from '../../../lib/auth/use-session';
import { useDraft } from '../../../lib/forms/drafts';
import { useAreaName, useOrganisation, useSecurityAreas } from '../../../lib/reference-data';
import { unitOptions } from '../../../lib/units';
import { useIdentifyRisk, type IdentifyRiskRequest } from './api/use-identify-risk';
import { FirstAssessment } from './components/first-assessment';
import { ScenarioPreview } from './components/scenario-preview';
import { IDENTIFY_ROLES, identifyScope, useMayIdentify } from './may-identify';
import '../register/register.css';
import './identify.css';

interface Draft {
  title: string;
  cause: string;
  event: string;
  consequence: string;
  area: string;
  additionalAreas: string[];
  unit: string;
  owner: string;
  threat: string;
  supplier: string;
  contract: string;
  classification: string;
  nextReviewDate: string;
  likelihood: string;
  assessedConsequence: string;
}

const EMPTY: Draft = {
  title: '',
  cause: '',
  event: '',
  consequence: '',
  area: '',
  additionalAreas: [],
  unit: '',
  owner: '',
  threat: '',
  supplier: '',
  contract: '',
  classification: 'OPEN',
  nextReviewDate: '',
  likelihood: '',
  assessedConsequence: '',
};

/** What the form sends: empty optional fields are left out, so that the API's defaults apply. */
function requestOf(draft: Draft): IdentifyRiskRequest {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    title: draft.title.trim(),
    scenario: {
      cause: draft.cause.trim(),
      event: draft.event.trim(),
      consequence: draft.consequence.trim(),
    },
    area: draft.area,
    additionalAreas: draft.additionalAreas.filter((code) => code !== draft.area),
    unit: draft.unit,
    owner: optional(draft.owner),
    threat: optional(draft.threat),
    supplier: optional(draft.supplier),
    contract: optional(draft.contract),
    classification: draft.classification === 'RESTRICTED' ? 'RESTRICTED' : 'OPEN',
    nextReviewDate: optional(draft.nextReviewDate),
    likelihood: draft.likelihood ? Number(draft.likelihood) : undefined,
    consequence: draft.assessedConsequence ? Number(draft.assessedConsequence) : undefined,
  };
}

export function IdentifyRiskPage() {
  const { t } = useTranslation();
  const mayIdentify = useMayIdentify();
  return (
    <Page title={t('register.identifyForm.title')}>
      {mayIdentify ? (
        <IdentifyRiskForm />
      ) : (
        <div className="notice">
          <p>
            {t('register.identifyForm.notAllowed', {
              roles: IDENTIFY_ROLES.map((role) => t(`common.roles.${role}`)).join(', '),
            })}
          </p>
          <Link to="/risker">{t('register.identifyForm.back')}</Link>
        </div>
      )}
    </Page>
  );
}

function IdentifyRiskForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const areas = useSecurityAreas();
  const organisation = useOrganisation();
  const areaName = useAreaName();
  const identify = useIdentifyRisk();
  const [draft, update, clear] = useDraft<Draft>('identify-risk', EMPTY);
  const [pairError, setPairError] = useState<string>();
  const scope = identifyScope(session?.grants ?? []);
  const serverErrors = fieldErrors(identify.error, (message) =>
    t('common.errors.field', { message }),
  );
  // The API names the pair likelihood/consequence; this form shows the second as its own field.
  const errors: Record<string, string> = { ...serverErrors };
  if (serverErrors.consequence) errors.assessedConsequence = serverErrors.consequence;
  if (pairError) errors[draft.likelihood ? 'assessedConsequence' : 'likelihood'] = pairError;

  const usableAreas = (areas.data ?? []).filter(
    (area) => !area.retired && (scope.areas === null || scope.areas.includes(area.code)),
  );
  const units = unitOptions(organisation.data).filter(
    (unit) =>
      unit.open && (scope.units === null || unit.path.some((code) => scope.units?.includes(code))),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (Boolean(draft.likelihood) !== Boolean(draft.assessedConsequence)) {
      setPairError(t('register.identifyForm.assessment.pair'));
      return;
    }
    setPairError(undefined);
    identify.mutate(requestOf(draft), {
      onSuccess: ({ id }) => {
        clear();
        void navigate({ to: '/risker/$riskId', params: { riskId: id } });
      },
    });
  };

  return (
    <Form className="form identify-form" validationErrors={errors} onSubmit={submit}>
      <p className="lead">{t('register.identifyForm.intro')}</p>
      <p className="muted">{t('register.identifyForm.required')}</p>
      <Refusal error={identify.error} />
      <Section title={t('register.identifyForm.what')} id="identify-what">
        <div className="form">
          <TextInput
            label={t('register.identifyForm.titleField')}
            description={t('register.identifyForm.titleHelp')}
            name="title"
            isRequired
            maxLength={200}
            value={draft.title}
            onChange={(title) => update({ title })}
          />
          <fieldset className="scenario">
            <legend>{t('register.identifyForm.scenario.legend')}</legend>
            <p className="field-description">{t('register.identifyForm.scenario.help')}</p>
            <TextInput
              label={t('register.identifyForm.scenario.cause')}
              description={t('register.identifyForm.scenario.causeHelp')}
              name="scenario.cause"
              isRequired
              value={draft.cause}
              onChange={(cause) => update({ cause })}
            />
            <TextInput
              label={t('register.identifyForm.scenario.event')}
              description={t('register.identifyForm.scenario.eventHelp')}
              name="scenario.event"
              isRequired
              value={draft.event}
              onChange={(value) => update({ event: value })}
            />
            <TextInput
              label={t('register.identifyForm.scenario.consequence')}
              description={t('register.identifyForm.scenario.consequenceHelp')}
              name="scenario.consequence"
              isRequired
              value={draft.consequence}
              onChange={(consequence) => update({ consequence })}
            />
            <ScenarioPreview
              cause={draft.cause}
              event={draft.event}
              consequence={draft.consequence}
            />
          </fieldset>
          <TextInput
            label={t('register.identifyForm.threat')}
            description={t('register.identifyForm.threatHelp')}
            name="threat"
            value={draft.threat}
            onChange={(threat) => update({ threat })}
          />
        </div>
      </Section>

      <Section title={t('register.identifyForm.where')} id="identify-where">
        <div className="form">
          <div className="form-row">
            <SelectInput
              label={t('register.identifyForm.area')}
              name="area"
              isRequired
              value={draft.area}
              onChange={(area) => update({ area })}
              options={usableAreas.map((area) => ({
                value: area.code,
                label: areaName(area.code),
              }))}
              emptyLabel={t('register.identifyForm.choose')}
              errorMessage={errors.area}
            />
            <SelectInput
              label={t('register.identifyForm.unit')}
              name="unit"
              isRequired
              value={draft.unit}
              onChange={(unit) => update({ unit })}
              options={units.map((unit) => ({ value: unit.value, label: unit.label }))}
              emptyLabel={t('register.identifyForm.choose')}
              description={
                scope.units
                  ? t('register.identifyForm.unitScoped')
                  : t('register.identifyForm.unitHelp')
              }
              errorMessage={errors.unit}
            />
          </div>
          <details className="additional-areas disclosure" open={draft.additionalAreas.length > 0}>
            <summary>
              {t('register.identifyForm.additionalAreas', { n: draft.additionalAreas.length })}
            </summary>
            <fieldset
              aria-describedby={errors.additionalAreas ? 'additional-areas-error' : undefined}
            >
              <legend>{t('register.identifyForm.additionalAreasLegend')}</legend>
              <div className="area-options">
                {usableAreas
                  .filter((area) => area.code !== draft.area)
                  .map((area) => (
                    <CheckboxInput
                      key={area.code}
                      name="additionalAreas"
                      isSelected={draft.additionalAreas.includes(area.code)}
                      onChange={(selected) =>
                        update({
                          additionalAreas: selected
                            ? [...draft.additionalAreas, area.code]
                            : draft.additionalAreas.filter((code) => code !== area.code),
                        })
                      }
                    >
                      {areaName(area.code)}
                    </CheckboxInput>
                  ))}
              </div>
              {errors.additionalAreas && (
                <span id="additional-areas-error" className="field-error">
                  {errors.additionalAreas}
                </span>
              )}
            </fieldset>
          </details>
          <div className="form-row">
            <TextInput
              label={t('register.identifyForm.supplier')}
              name="supplier"
              value={draft.supplier}
              onChange={(supplier) => update({ supplier })}
            />
            <TextInput
              label={t('register.identifyForm.contract')}
              name="contract"
              value={draft.contract}
              onChange={(contract) => update({ contract })}
            />
          </div>
        </div>
      </Section>

      <Section title={t('register.identifyForm.followUp')} id="identify-follow-up">
        <div className="form">
          <div className="form-row">
            <TextInput
              label={t('register.identifyForm.owner')}
              description={t('register.identifyForm.ownerHelp')}
              name="owner"
              value={draft.owner}
              onChange={(owner) => update({ owner })}
            />
            <TextInput
              label={t('register.identifyForm.nextReviewDate')}
              description={t('register.identifyForm.nextReviewDateHelp')}
              name="nextReviewDate"
              type="date"
              value={draft.nextReviewDate}
              onChange={(nextReviewDate) => update({ nextReviewDate })}
            />
          </div>
          <SelectInput
            label={t('register.identifyForm.classification')}
            name="classification"
            value={draft.classification}
            onChange={(classification) => update({ classification })}
            options={(['OPEN', 'RESTRICTED'] as const).map((value) => ({
              value,
              label: t(`common.classifications.${value}`),
            }))}
            description={t('register.identifyForm.classificationHelp')}
            errorMessage={errors.classification}
          />
        </div>
      </Section>

      <FirstAssessment
        likelihood={draft.likelihood}
        consequence={draft.assessedConsequence}
        onChange={(change) => {
          setPairError(undefined);
          update(change);
        }}
        errors={errors}
      />

      <div className="form-actions">
        <button type="submit" className="button primary" disabled={identify.isPending}>
          {identify.isPending ? t('common.saving') : t('register.identifyForm.submit')}
        </button>
        <Link to="/risker" className="button">
          {t('common.cancel')}
        </Link>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            clear();
            identify.reset();
          }}
        >
          {t('register.identifyForm.clear')}
        </button>
      </div>
      <p className="muted">{t('register.identifyForm.draftKept')}</p>
    </Form>
  );
}
