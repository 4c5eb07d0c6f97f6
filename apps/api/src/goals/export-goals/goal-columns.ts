import type { GoalRegisterEntry } from '@riskledger/read-models';
import type { ExportColumn } from '../../platform/table-export';

/** A goal per row, with its latest measurement and fulfilment. */
export const GOAL_COLUMNS: readonly ExportColumn<GoalRegisterEntry>[] = [
  { en: 'goalId', sv: 'Mål-id', kind: 'text', read: (g) => g.goalId },
  { en: 'area', sv: 'Område', kind: 'text', read: (g) => g.area },
  { en: 'year', sv: 'År', kind: 'number', read: (g) => g.year },
  { en: 'text', sv: 'Mål', kind: 'text', read: (g) => g.text },
  { en: 'indicator', sv: 'Indikator', kind: 'text', read: (g) => g.indicator },
  { en: 'direction', sv: 'Riktning', kind: 'text', read: (g) => g.direction },
  { en: 'targetValue', sv: 'Målvärde', kind: 'number', read: (g) => g.targetValue },
  { en: 'measurementUnit', sv: 'Enhet för värdet', kind: 'text', read: (g) => g.measurementUnit },
  {
    en: 'latestValue',
    sv: 'Senast uppmätt',
    kind: 'number',
    read: (g) => g.latestMeasurement?.value ?? null,
  },
  {
    en: 'latestMeasuredOn',
    sv: 'Uppmätt den',
    kind: 'date',
    read: (g) => g.latestMeasurement?.measuredOn ?? null,
  },
  { en: 'fulfilment', sv: 'Måluppfyllelse', kind: 'text', read: (g) => g.fulfilment },
  { en: 'status', sv: 'Status', kind: 'text', read: (g) => g.status },
  { en: 'setAt', sv: 'Satt', kind: 'instant', read: (g) => g.setAt },
  { en: 'setBy', sv: 'Satt av', kind: 'text', read: (g) => g.setBy },
];
