import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LevelBadge } from '../../../../components/level';
import { useFormat } from '../../../../lib/i18n/format';
import type { RiskMatrix } from '../../../../lib/reference-data';
import type { Risk } from '../api/use-risk';
import { ScrollTable } from '../../../../components/scroll-table';

const WIDTH = 560;
const HEIGHT = 260;
const PAD = { left: 36, right: 12, top: 12, bottom: 32 };
const MAX_SCORE = 25;
/** Each basis has its own line style and marker shape: never told apart by colour alone. */
const SERIES = {
  INHERENT: { dash: '6 4', marker: 'square', colour: '#5b2a86' },
  CURRENT: { dash: undefined, marker: 'circle', colour: '#0b4f8a' },
  TARGET: { dash: '2 3', marker: 'triangle', colour: '#17663a' },
} as const;
type Basis = keyof typeof SERIES;

/**
 * Score over time as a small hand-written SVG step chart (a score holds until it is reassessed),
 * with the same points in a table beside it. No chart library: the risk page stays light.
 */
export function ScoreChart({ risk, matrix }: { risk: Risk; matrix: RiskMatrix | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const points = risk.scoreHistory;
  if (points.length === 0) return <p>{t('risk.chart.empty')}</p>;
  const times = points.map((point) => Date.parse(point.at));
  const end = Math.max(Date.now(), ...times);
  const start = Math.min(...times);
  const span = Math.max(end - start, 60_000);
  const x = (time: number) => PAD.left + ((time - start) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (score: number) => PAD.top + (1 - score / MAX_SCORE) * (HEIGHT - PAD.top - PAD.bottom);
  const bands = matrix?.bands ?? [];
  return (
    <div className="score-chart">
      <figure className="chart">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby={titleId}
          focusable="false"
        >
          <title id={titleId}>{t('risk.chart.description')}</title>
          {bands.map((band, index) => {
            const low = index === 0 ? 0 : bands[index - 1].maxScore;
            return (
              <rect
                key={band.level}
                x={PAD.left}
                width={WIDTH - PAD.left - PAD.right}
                y={y(band.maxScore)}
                height={y(low) - y(band.maxScore)}
                className={`band level-${band.level.toLowerCase().replace('_', '-')}`}
              />
            );
          })}
          {[0, 5, 10, 15, 20, 25].map((score) => (
            <g key={score}>
              <line
                x1={PAD.left}
                x2={WIDTH - PAD.right}
                y1={y(score)}
                y2={y(score)}
                className="grid-line"
              />
              <text x={PAD.left - 6} y={y(score) + 4} textAnchor="end" className="axis-label">
                {format.number(score)}
              </text>
            </g>
          ))}
          <text x={PAD.left} y={HEIGHT - 8} className="axis-label">
            {format.date(new Date(start))}
          </text>
          <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" className="axis-label">
            {format.date(new Date(end))}
          </text>
          {(Object.keys(SERIES) as Basis[]).map((basis) => {
            const own = points.filter((point) => point.basis === basis);
            if (own.length === 0) return null;
            const style = SERIES[basis];
            let path = '';
            own.forEach((point, index) => {
              const px = x(Date.parse(point.at));
              const py = y(point.score);
              path += index === 0 ? `M${px},${py}` : `H${px}V${py}`;
            });
            path += `H${x(end)}`;
            return (
              <g key={basis}>
                <path
                  d={path}
                  fill="none"
                  stroke={style.colour}
                  strokeWidth={2.5}
                  strokeDasharray={style.dash}
                />
                {own.map((point) => (
                  <Marker
                    key={point.at}
                    shape={style.marker}
                    colour={style.colour}
                    cx={x(Date.parse(point.at))}
                    cy={y(point.score)}
                  />
                ))}
              </g>
            );
          })}
        </svg>
        <figcaption>
          <ul className="chart-legend">
            {(Object.keys(SERIES) as Basis[]).map((basis) => (
              <li key={basis}>
                <svg width="34" height="14" aria-hidden="true" focusable="false">
                  <line
                    x1="0"
                    x2="34"
                    y1="7"
                    y2="7"
                    stroke={SERIES[basis].colour}
                    strokeWidth={2.5}
                    strokeDasharray={SERIES[basis].dash}
                  />
                  <Marker
                    shape={SERIES[basis].marker}
                    colour={SERIES[basis].colour}
                    cx={17}
                    cy={7}
                  />
                </svg>
                {t(`common.bases.${basis}`)}
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>
      <ScrollTable label={t('risk.chart.tableCaption')}>
        <table className="data">
          <caption>{t('risk.chart.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('risk.chart.when')}</th>
              <th scope="col">{t('risk.assessments.basis')}</th>
              <th scope="col" className="number">
                {t('risk.assessments.score')}
              </th>
              <th scope="col">{t('risk.assessments.level')}</th>
              <th scope="col">{t('risk.assessments.matrix')}</th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((point) => (
              <tr key={`${point.at}-${point.basis}`}>
                <th scope="row">{format.dateTime(point.at)}</th>
                <td>{t(`common.bases.${point.basis}`)}</td>
                <td className="number">
                  {t('risk.assessments.product', {
                    likelihood: point.likelihood,
                    consequence: point.consequence,
                    score: point.score,
                  })}
                </td>
                <td>
                  <LevelBadge level={point.level} />
                </td>
                <td>{t('risk.assessments.matrixVersion', { version: point.matrixVersion })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}

function Marker({
  shape,
  colour,
  cx,
  cy,
}: {
  shape: 'square' | 'circle' | 'triangle';
  colour: string;
  cx: number;
  cy: number;
}) {
  if (shape === 'circle') return <circle cx={cx} cy={cy} r={5} fill={colour} />;
  if (shape === 'square')
    return <rect x={cx - 4.5} y={cy - 4.5} width={9} height={9} fill={colour} />;
  return <path d={`M${cx},${cy - 6}L${cx + 6},${cy + 5}L${cx - 6},${cy + 5}Z`} fill={colour} />;
}
