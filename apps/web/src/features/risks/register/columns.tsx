import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Schemas } from '../../../lib/api/client';
import { LevelBadge } from '../../../components/level';
import type { useFormat } from '../../../lib/i18n/format';

export type RegisterEntry = Schemas['RiskRegisterEntryResponse'];

export interface CellContext {
  t: TFunction;
  format: ReturnType<typeof useFormat>;
  areaName: (code: string) => string;
  unitName: (code: string) => string;
}

export interface Column {
  key: string;
  /** The API's sort field for this column; none when the column cannot be sorted. */
  sort?: string;
  number?: boolean;
  render: (entry: RegisterEntry, context: CellContext) => ReactNode;
}

/** Nullable strings and numbers come typed loosely from the OpenAPI document. */
function text(value: unknown): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : String(value);
}

/** The title is always shown (it links to the risk); these can be chosen. */
export const COLUMNS: Column[] = [
  {
    key: 'area',
    sort: 'area',
    render: (entry, { areaName }) => (
      <>
        {areaName(entry.area)}
        {entry.additionalAreas.length > 0 && (
          <span className="register-more">
            {' '}
            + {entry.additionalAreas.map((code) => areaName(code)).join(', ')}
          </span>
        )}
      </>
    ),
  },
  { key: 'unit', sort: 'unit', render: (entry, { unitName }) => unitName(entry.unit) },
  { key: 'level', sort: 'level', render: (entry) => <LevelBadge level={entry.level} /> },
  {
    key: 'score',
    sort: 'score',
    number: true,
    render: (entry, { format }) =>
      format.number(entry.score === null || entry.score === undefined ? null : Number(entry.score)),
  },
  {
    key: 'inherent',
    sort: 'inherentScore',
    render: (entry) => <LevelBadge level={entry.assessments.inherent?.level} />,
  },
  {
    key: 'target',
    sort: 'targetScore',
    render: (entry) => <LevelBadge level={entry.assessments.target?.level} />,
  },
  {
    key: 'status',
    sort: 'status',
    render: (entry, { t }) => t(`common.riskStatuses.${entry.status}`),
  },
  {
    key: 'owner',
    sort: 'owner',
    render: (entry, { t }) =>
      text(entry.owner) ?? <span className="muted">{t('register.table.noOwner')}</span>,
  },
  {
    key: 'nextReviewDate',
    sort: 'nextReviewDate',
    render: (entry, { t, format }) => (
      <>
        {format.date(text(entry.nextReviewDate))}
        {entry.reviewOverdue && (
          <span className="register-flag">{t('register.table.overdue')}</span>
        )}
      </>
    ),
  },
  {
    key: 'attention',
    render: (entry, { t }) => {
      const flags = [
        entry.needsReview && t('register.table.needsReview'),
        entry.reviewOverdue && t('register.table.reviewOverdue'),
        entry.mitigationOverdue && t('register.table.mitigationOverdue'),
        entry.classification === 'RESTRICTED' && t('common.classifications.RESTRICTED'),
      ].filter(Boolean);
      return flags.length > 0 ? (
        <ul className="register-flags">
          {flags.map((flag) => (
            <li key={String(flag)}>{flag}</li>
          ))}
        </ul>
      ) : (
        <span className="muted">–</span>
      );
    },
  },
  {
    key: 'identifiedAt',
    sort: 'identifiedAt',
    render: (entry, { format }) => format.date(entry.identifiedAt),
  },
  {
    key: 'updatedAt',
    sort: 'updatedAt',
    render: (entry, { format }) => format.dateTime(entry.updatedAt),
  },
];

export const DEFAULT_COLUMNS = [
  'area',
  'unit',
  'level',
  'status',
  'owner',
  'nextReviewDate',
  'attention',
];
