import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVELS } from '../../../components/level';
import { useFormat } from '../../../lib/i18n/format';

export interface TrendMonth {
  month: string;
  LOW: number;
  MEDIUM: number;
  HIGH: number;
  VERY_HIGH: number;
  open: number;
}

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 36;
const BOTTOM = 28;
const TOP = 12;

/**
 * Open risks by level at the end of each month, as stacked columns. The colours follow the level
 * colours of the heat map; the same figures are in words above and in the table below.
 */
export function OpenRisksTrend({ months }: { months: TrendMonth[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const max = Math.max(1, ...months.map((month) => month.open));
  const step = (WIDTH - LEFT) / Math.max(1, months.length);
  const y = (value: number) => ((HEIGHT - BOTTOM - TOP) * value) / max;
  const first = months[0];
  const last = months[months.length - 1];
  return (
    <figure className="chart">
      {last && first && (
        <p>
          {t('dashboard.trend.summary', {
            now: format.number(last.open),
            then: format.number(first.open),
            since: format.month(first.month),
            veryHigh: format.number(last.VERY_HIGH),
            high: format.number(last.HIGH),
          })}
        </p>
      )}
      <div className="chart-scroll">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId}>
          <title id={titleId}>{t('dashboard.trend.chartTitle')}</title>
          {[0, Math.round(max / 2), max].map((tick) => (
            <g key={tick}>
              <line
                x1={LEFT}
                x2={WIDTH}
                y1={HEIGHT - BOTTOM - y(tick)}
                y2={HEIGHT - BOTTOM - y(tick)}
                stroke="#c9d0d8"
              />
              <text
                x={LEFT - 6}
                y={HEIGHT - BOTTOM - y(tick) + 4}
                textAnchor="end"
                fontSize="13"
                fill="#4a5260"
              >
                {format.number(tick)}
              </text>
            </g>
          ))}
          {months.map((month, index) => {
            let base = HEIGHT - BOTTOM;
            return (
              <g key={month.month}>
                {LEVELS.map((level) => {
                  const height = y(month[level]);
                  base -= height;
                  return height > 0 ? (
                    <rect
                      key={level}
                      x={LEFT + index * step + 2}
                      y={base}
                      width={step - 4}
                      height={height}
                      className={`bar level-${level.toLowerCase().replace('_', '-')}`}
                    />
                  ) : null;
                })}
                {index % 3 === 0 && (
                  <text
                    x={LEFT + index * step + step / 2}
                    y={HEIGHT - 8}
                    textAnchor="middle"
                    fontSize="13"
                    fill="#4a5260"
                  >
                    {format.month(month.month)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <ul className="legend" aria-label={t('common.heatMap.legend')}>
        {[...LEVELS].reverse().map((level) => (
          <li key={level}>
            <span
              className={`swatch level-${level.toLowerCase().replace('_', '-')}`}
              aria-hidden="true"
            />{' '}
            {t(`common.levels.${level}`)}
          </li>
        ))}
      </ul>
      <details className="chart-data">
        <summary>{t('dashboard.trend.showTable')}</summary>
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{t('dashboard.trend.chartTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.trend.month')}</th>
                {[...LEVELS].reverse().map((level) => (
                  <th scope="col" className="number" key={level}>
                    {t(`common.levels.${level}`)}
                  </th>
                ))}
                <th scope="col" className="number">
                  {t('dashboard.trend.open')}
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{format.month(month.month)}</th>
                  {[...LEVELS].reverse().map((level) => (
                    <td className="number" key={level}>
                      {format.number(month[level])}
                    </td>
                  ))}
                  <td className="number">{format.number(month.open)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
