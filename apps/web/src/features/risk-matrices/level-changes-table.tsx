import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LevelBadge } from '../../components/level';
import { ScrollTable } from '../../components/scroll-table';
import { useAreaName, useOrganisation } from '../../lib/reference-data';
import { unitNamer } from '../../lib/units';
import type { MatrixPreview } from './use-risk-matrices';

/** The open risks a proposal would move to another level, each a link to the risk. */
export function LevelChangesTable({ changes }: { changes: MatrixPreview['changes'] }) {
  const { t } = useTranslation();
  const areaName = useAreaName();
  const unitName = unitNamer(useOrganisation().data);
  const caption = t('riskMatrices.preview.caption');
  return (
    <ScrollTable label={caption}>
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('riskMatrices.preview.risk')}</th>
            <th scope="col">{t('riskMatrices.preview.area')}</th>
            <th scope="col">{t('riskMatrices.preview.unit')}</th>
            <th scope="col">{t('riskMatrices.preview.assessment')}</th>
            <th scope="col">{t('riskMatrices.preview.now')}</th>
            <th scope="col">{t('riskMatrices.preview.proposed')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.riskId}>
              <th scope="row">
                <Link to="/risker/$riskId" params={{ riskId: change.riskId }}>
                  {change.title}
                </Link>
              </th>
              <td>{areaName(change.area)}</td>
              <td>{unitName(change.unit)}</td>
              <td>
                {t('riskMatrices.preview.values', {
                  likelihood: change.likelihood,
                  consequence: change.consequence,
                  score: change.score,
                })}
              </td>
              <td>
                <LevelBadge level={change.level} />
              </td>
              <td>
                <LevelBadge level={change.proposedLevel} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
