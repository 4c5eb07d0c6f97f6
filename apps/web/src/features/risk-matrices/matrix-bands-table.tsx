import { useTranslation } from 'react-i18next';
import { LevelBadge } from '../../components/level';
import { ScrollTable } from '../../components/scroll-table';
import { roleList } from '../../lib/i18n/role-list';
import { useFormat } from '../../lib/i18n/format';
import type { RiskMatrix } from '../../lib/reference-data';

/** A version's bands in words: the values each level covers, who may accept it and for how long. */
export function MatrixBandsTable({ matrix, caption }: { matrix: RiskMatrix; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ScrollTable label={caption}>
      <table className="data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('riskMatrices.bands.level')}</th>
            <th scope="col">{t('riskMatrices.bands.values')}</th>
            <th scope="col">{t('riskMatrices.bands.acceptableBy')}</th>
            <th scope="col">{t('riskMatrices.bands.longest')}</th>
          </tr>
        </thead>
        <tbody>
          {matrix.bands.map((band, i) => {
            const from = i === 0 ? 1 : matrix.bands[i - 1].maxScore + 1;
            return (
              <tr key={band.level}>
                <th scope="row">
                  <LevelBadge level={band.level} />
                </th>
                <td>
                  {t('riskMatrices.bands.range', {
                    from: format.number(from),
                    to: format.number(band.maxScore),
                  })}
                </td>
                <td>
                  {band.acceptableBy.length > 0
                    ? roleList(t, band.acceptableBy)
                    : t('riskMatrices.bands.nobody')}
                </td>
                <td>
                  {band.maxAcceptanceDays > 0
                    ? t('riskMatrices.bands.days', {
                        count: band.maxAcceptanceDays,
                        days: format.number(band.maxAcceptanceDays),
                      })
                    : t('riskMatrices.bands.notAccepted')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
