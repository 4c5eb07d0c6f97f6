import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../../components/fields';
import { LevelBadge } from '../../../../components/level';
import { fieldErrors } from '../../../../components/refusal';
import { useDraft } from '../../../../lib/forms/drafts';
import { useFormat } from '../../../../lib/i18n/format';
import type { RiskMatrix } from '../../../../lib/reference-data';
import { useAcceptRisk, useRevokeAcceptance } from '../api/risk-writes';
import type { Acceptance, Risk } from '../api/use-risk';
import { TextAction } from './mitigations';
import { ScrollTable } from '../../../../components/scroll-table';
import { daysAfter, text, today } from './values';
import { roleList } from '../../../../lib/i18n/role-list';
import { FormFooter } from './form-footer';

/** The acceptance in force and those before it; read-only (history) when no `onReload` is given. */
export function AcceptanceView({
  risk,
  canRevoke,
  onReload,
}: {
  risk: Risk;
  canRevoke?: boolean;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const revoke = useRevokeAcceptance(risk.riskId);
  const acceptance = risk.acceptance;
  return (
    <>
      {acceptance ? (
        <div className="acceptance">
          <p>
            <strong>
              {t('risk.acceptance.inForce', { date: format.date(acceptance.lapsesOn) })}
            </strong>
          </p>
          <AcceptanceFacts acceptance={acceptance} />
          {canRevoke && onReload && risk.status === 'OPEN' && (
            <TextAction
              draftKey={`risk.${risk.riskId}.acceptance.${acceptance.acceptanceId}.revoke`}
              group="acceptance"
              action="revoke"
              field="reason"
              required
              mutation={revoke}
              send={(reason, done) =>
                revoke.mutate(
                  {
                    version: risk.version,
                    acceptanceId: acceptance.acceptanceId,
                    reason: reason ?? '',
                  },
                  { onSuccess: done },
                )
              }
              onReload={onReload}
            />
          )}
        </div>
      ) : (
        <p>{t('risk.acceptance.none')}</p>
      )}
      {risk.pastAcceptances.length > 0 && (
        <ScrollTable label={t('risk.acceptance.past')}>
          <table className="data">
            <caption>{t('risk.acceptance.past')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('risk.acceptance.acceptedAt')}</th>
                <th scope="col">{t('risk.acceptance.status')}</th>
                <th scope="col">{t('risk.acceptance.residual')}</th>
                <th scope="col">{t('risk.acceptance.justification')}</th>
              </tr>
            </thead>
            <tbody>
              {risk.pastAcceptances.map((past) => (
                <tr key={past.acceptanceId}>
                  <th scope="row">{format.date(past.acceptedAt)}</th>
                  <td>
                    {t(`risk.acceptance.statuses.${past.status}`)}{' '}
                    {text(past.endedAt) && format.date(text(past.endedAt))}
                    {text(past.revocationReason) && `: ${text(past.revocationReason)}`}
                  </td>
                  <td>
                    <LevelBadge level={past.residual.level} />
                  </td>
                  <td>{past.justification}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}

function AcceptanceFacts({ acceptance }: { acceptance: Acceptance }) {
  const { t } = useTranslation();
  const format = useFormat();
  const residual = acceptance.residual;
  return (
    <dl className="facts">
      <div className="fact">
        <dt>{t('risk.acceptance.residual')}</dt>
        <dd>
          {t(`common.bases.${residual.basis}`)}: {t('risk.assessments.product', residual)}{' '}
          <LevelBadge level={residual.level} />{' '}
          {t('risk.assessments.matrixVersion', { version: residual.matrixVersion })}
        </dd>
      </div>
      <div className="fact">
        <dt>{t('risk.acceptance.acceptedBy')}</dt>
        <dd>
          {t('risk.acceptance.acceptedByIn', {
            who: acceptance.acceptedBy,
            role: t(`common.roles.${acceptance.acceptedByRole}`, {
              defaultValue: acceptance.acceptedByRole,
            }).toLowerCase(),
            date: format.date(acceptance.acceptedAt),
          })}
        </dd>
      </div>
      <div className="fact">
        <dt>{t('risk.acceptance.justification')}</dt>
        <dd>{acceptance.justification}</dd>
      </div>
      <div className="fact">
        <dt>{t('risk.acceptance.lapsesOn')}</dt>
        <dd>{format.date(acceptance.lapsesOn)}</dd>
      </div>
    </dl>
  );
}

/**
 * Accepting: first what would be accepted (the target, else the current assessment) and what the
 * matrix in force says of its level (who may accept, for how long); the form only for those
 * with the mandate.
 */
export function AcceptForm({
  risk,
  matrix,
  roles,
  onReload,
}: {
  risk: Risk;
  matrix: RiskMatrix;
  roles: string[];
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const accept = useAcceptRisk(risk.riskId);
  const [draft, update, clear] = useDraft(`risk.${risk.riskId}.accept`, {
    justification: '',
    lapsesOn: '',
  });
  const residual = risk.assessments.target
    ? { basis: 'TARGET' as const, ...risk.assessments.target }
    : risk.assessments.current
      ? { basis: 'CURRENT' as const, ...risk.assessments.current }
      : null;
  if (!residual) return <p className="notice">{t('risk.accept.notAssessed')}</p>;
  const band = matrix.bands.find((candidate) => residual.score <= candidate.maxScore);
  if (!band) return null;
  const level = t(`common.levels.${band.level}`).toLowerCase();
  const role = roles.find((held) => (band.acceptableBy as string[]).includes(held));
  const latest = daysAfter(today(), band.maxAcceptanceDays);
  return (
    <div className="accept">
      <p>
        {t('risk.accept.what', {
          basis: t(`common.bases.${residual.basis}`).toLowerCase(),
          likelihood: residual.likelihood,
          consequence: residual.consequence,
          score: residual.score,
        })}{' '}
        <LevelBadge level={band.level} />
      </p>
      <p className="notice">
        {band.acceptableBy.length === 0
          ? t('risk.accept.mandateNobody', { level, version: matrix.version })
          : t('risk.accept.mandate', {
              level,
              version: matrix.version,
              roles: roleList(t, band.acceptableBy),
              days: format.number(band.maxAcceptanceDays),
            })}
      </p>
      {!role ? (
        <div className="refusal">
          <p className="refusal-title">{t('risk.accept.refusedTitle')}</p>
          <p>
            {t('risk.accept.noMandate', {
              level,
              held: roleList(t, roles) || t('common.none').toLowerCase(),
            })}
          </p>
        </div>
      ) : (
        <Form
          className="form"
          aria-label={t('risk.accept.title')}
          validationErrors={fieldErrors(accept.error, (message) =>
            t('common.errors.field', { message }),
          )}
          onSubmit={(event) => {
            event.preventDefault();
            accept.mutate(
              {
                version: risk.version,
                role,
                justification: draft.justification.trim(),
                lapsesOn: draft.lapsesOn,
              },
              { onSuccess: () => clear() },
            );
          }}
        >
          <TextInput
            label={t('risk.accept.justification')}
            name="justification"
            multiline
            isRequired
            maxLength={2000}
            value={draft.justification}
            onChange={(justification) => update({ justification })}
          />
          <TextInput
            label={t('risk.accept.lapsesOn')}
            name="lapsesOn"
            type="date"
            isRequired
            description={t('risk.accept.lapsesOnHelp', {
              latest: format.date(latest),
              days: format.number(band.maxAcceptanceDays),
            })}
            value={draft.lapsesOn}
            onChange={(lapsesOn) => update({ lapsesOn })}
          />
          <FormFooter mutation={accept} onReload={onReload} submit={t('risk.accept.submit')} />
        </Form>
      )}
    </div>
  );
}
