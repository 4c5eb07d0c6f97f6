import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { levelOf, type RiskMatrix } from '../lib/reference-data';
import { useFormat } from '../lib/i18n/format';
import type { SearchParams } from '../lib/search-params';

const STEPS = [1, 2, 3, 4, 5];

/**
 * The 5×5 risk matrix as a real table: likelihood rows (highest first), consequence columns, each
 * cell the count of risks and its level in words beside the colour. A count links to the register
 * filtered to that cell. Without counts, a cell shows its risk value: the matrix itself, as the
 * risk matrices page shows a version. The one heat map of the console.
 */
export function HeatMap({
  counts,
  basis = 'CURRENT',
  matrix,
  linkSearch,
  caption,
}: {
  /** counts[likelihood - 1][consequence - 1]; absent: each cell shows its risk value. */
  counts?: number[][];
  basis?: 'INHERENT' | 'CURRENT' | 'TARGET';
  matrix: RiskMatrix | undefined;
  linkSearch?: (likelihood: number, consequence: number) => SearchParams;
  caption?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const basisName = t(`common.bases.${basis}`);
  return (
    <table className="heat-map">
      <caption>{caption ?? t('common.heatMap.caption', { basis: basisName })}</caption>
      <thead>
        <tr>
          <td className="heat-map-corner">
            <span aria-hidden="true">
              {t('common.heatMap.likelihood')} ↓ / {t('common.heatMap.consequence')} →
            </span>
          </td>
          {STEPS.map((consequence) => (
            <th key={consequence} scope="col">
              <span className="visually-hidden">{t('common.heatMap.consequence')} </span>
              {consequence}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...STEPS].reverse().map((likelihood) => (
          <tr key={likelihood}>
            <th scope="row">
              <span className="visually-hidden">{t('common.heatMap.likelihood')} </span>
              {likelihood}
            </th>
            {STEPS.map((consequence) => {
              const level = levelOf(matrix, likelihood * consequence);
              const levelName = level ? t(`common.levels.${level}`) : '';
              if (!counts) {
                return (
                  <td key={consequence} className={`heat-cell ${levelClass(level)}`}>
                    <span className="heat-count">{format.number(likelihood * consequence)}</span>
                    <span className="heat-level">{levelName}</span>
                  </td>
                );
              }
              const count = counts[likelihood - 1]?.[consequence - 1] ?? 0;
              const label = t('common.heatMap.cell', {
                count,
                likelihood,
                consequence,
                level: levelName,
              });
              return (
                <td key={consequence} className={`heat-cell ${levelClass(level)}`}>
                  {linkSearch && count > 0 ? (
                    <Link
                      to="/risker"
                      search={linkSearch(likelihood, consequence)}
                      aria-label={label}
                    >
                      {format.number(count)}
                    </Link>
                  ) : (
                    <span className={count === 0 ? 'heat-count zero' : 'heat-count'}>
                      {format.number(count)}
                    </span>
                  )}
                  <span className="heat-level">{levelName}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const levelClass = (level: string | undefined) =>
  `level-${(level ?? 'none').toLowerCase().replace('_', '-')}`;
