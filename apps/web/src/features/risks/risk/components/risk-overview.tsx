import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LevelBadge } from '../../../../components/level';
import { Section } from '../../../../components/page';
import { useFormat } from '../../../../lib/i18n/format';
import { useAreaName } from '../../../../lib/reference-data';
import type { Assessment, Risk } from '../api/use-risk';
import { ScrollTable } from '../../../../components/scroll-table';
import { text } from './values';

/** The MSB form: "På grund av …, inträffar …, vilket leder till …", else the description. */
export function Scenario({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  const scenario = risk.scenario;
  return (
    <Section title={t('risk.scenario.title')} id="scenario">
      {scenario ? (
        <p className="scenario">
          {t('risk.scenario.sentence', {
            cause: scenario.cause,
            event: scenario.event,
            consequence: scenario.consequence,
          })}
        </p>
      ) : (
        <p className="scenario">{risk.description}</p>
      )}
      {scenario && risk.description && risk.description !== sentenceOf(scenario) && (
        <p className="muted">{risk.description}</p>
      )}
    </Section>
  );
}

// The API writes a description from the scenario when none is given; do not show it twice.
function sentenceOf(scenario: NonNullable<Risk['scenario']>): string {
  return `Because of ${scenario.cause}, ${scenario.event}, which leads to ${scenario.consequence}.`;
}

export function RiskFacts({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  const format = useFormat();
  const areaName = useAreaName();
  const sourceIncident = text(risk.sourceIncidentId);
  const rows: [string, React.ReactNode][] = [
    [t('risk.facts.status'), t(`common.riskStatuses.${risk.status}`)],
    [t('risk.facts.level'), <LevelBadge key="level" level={risk.level} />],
    [t('risk.facts.area'), areaName(risk.area)],
    ...(risk.additionalAreas.length > 0
      ? [
          [t('risk.facts.additionalAreas'), risk.additionalAreas.map(areaName).join(', ')] as [
            string,
            string,
          ],
        ]
      : []),
    [t('risk.facts.unit'), risk.unit],
    [t('risk.facts.owner'), text(risk.owner) ?? t('risk.facts.noOwner')],
    [t('risk.facts.classification'), t(`common.classifications.${risk.classification}`)],
  ];
  const optional: [string, string | undefined][] = [
    [t('risk.facts.threat'), text(risk.threat)],
    [t('risk.facts.supplier'), text(risk.supplier)],
    [t('risk.facts.contract'), text(risk.contract)],
  ];
  for (const [label, value] of optional) if (value) rows.push([label, value]);
  rows.push(
    [t('risk.facts.identified'), format.dateTime(risk.identifiedAt)],
    [t('risk.facts.updated'), format.dateTime(risk.updatedAt)],
    [t('risk.facts.version'), format.number(risk.version)],
  );
  if (sourceIncident) {
    rows.push([
      t('risk.facts.sourceIncident'),
      <Link key="source" to="/incidenter/$incidentId" params={{ incidentId: sourceIncident }}>
        {t('risk.incidents.open', { id: sourceIncident.slice(0, 8) })}
      </Link>,
    ]);
  }
  if (risk.status === 'CLOSED') {
    rows.push([
      t('risk.facts.closed'),
      `${format.dateTime(text(risk.closedAt))}: ${text(risk.closedReason) ?? ''}`,
    ]);
  }
  return (
    <Section title={t('risk.facts.title')} id="facts">
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

const BASES = ['INHERENT', 'CURRENT', 'TARGET'] as const;

/** Inherent, current and target: each with the matrix version it used and the level in words. */
export function AssessmentsTable({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  const format = useFormat();
  const byBasis: Record<(typeof BASES)[number], Assessment | null | undefined> = {
    INHERENT: risk.assessments.inherent,
    CURRENT: risk.assessments.current,
    TARGET: risk.assessments.target,
  };
  return (
    <ScrollTable label={t('risk.assessments.caption')}>
      <table className="data">
        <caption className="visually-hidden">{t('risk.assessments.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('risk.assessments.basis')}</th>
            <th scope="col">{t('risk.assessments.level')}</th>
            <th scope="col" className="number">
              {t('risk.assessments.score')}
            </th>
            <th scope="col">{t('risk.assessments.matrix')}</th>
            <th scope="col">{t('risk.assessments.assessed')}</th>
            <th scope="col">{t('risk.assessments.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {BASES.map((basis) => {
            const assessment = byBasis[basis];
            return (
              <tr key={basis}>
                <th scope="row">{t(`common.bases.${basis}`)}</th>
                {assessment ? (
                  <>
                    <td>
                      <LevelBadge level={assessment.level} />
                    </td>
                    <td className="number">
                      {t('risk.assessments.product', {
                        likelihood: assessment.likelihood,
                        consequence: assessment.consequence,
                        score: assessment.score,
                      })}
                    </td>
                    <td>
                      {t('risk.assessments.matrixVersion', { version: assessment.matrixVersion })}
                    </td>
                    <td>{format.dateTime(assessment.assessedAt)}</td>
                    <td>
                      {text(assessment.reason) ?? '–'}
                      {assessment.warnings.length > 0 && (
                        <ul className="warnings">
                          {assessment.warnings.map((warning) => (
                            <li key={warning}>
                              {t('risk.assessments.warning')}: <span lang="en">{warning}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </>
                ) : (
                  <td colSpan={5}>{t('risk.assessments.notAssessed')}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
