import type { Visibility } from '@riskledger/domain';
import type { DataSource } from 'typeorm';
import { INCIDENT_VISIBILITY_COLUMNS } from '../incident-register/incident-register.queries';
import { RISK_VISIBILITY_COLUMNS } from '../risk-register/risk-register.queries';
import { visibilityCondition, type VisibilityColumns } from '../visibility-condition';
import type { ReadModelChange } from './read-model-changes';

/** What a caller may see of each kind of record (their visibility through each read permission). */
export interface LiveVisibility {
  risks: Visibility;
  incidents: Visibility;
  goals: Visibility;
}

/**
 * The changes a caller may hear of: a risk or incident as its register row stands now, by the
 * same SQL rule the register lists apply; a goal when the caller may read goals at all (goal lists
 * are not narrowed by scope).
 */
export async function visibleChanges(
  dataSource: DataSource,
  changes: readonly ReadModelChange[],
  visibility: LiveVisibility,
): Promise<ReadModelChange[]> {
  const [risks, incidents] = await Promise.all([
    visibleIds(
      dataSource,
      'risk_register',
      'risk_id',
      RISK_VISIBILITY_COLUMNS,
      idsOf(changes, 'risk'),
      visibility.risks,
    ),
    visibleIds(
      dataSource,
      'incident_register',
      'incident_id',
      INCIDENT_VISIBILITY_COLUMNS,
      idsOf(changes, 'incident'),
      visibility.incidents,
    ),
  ]);
  const goals = visibility.goals.windows === null || visibility.goals.windows.length > 0;
  return changes.filter((c) =>
    c.streamType === 'risk'
      ? risks.has(c.streamId)
      : c.streamType === 'incident'
        ? incidents.has(c.streamId)
        : goals,
  );
}

function idsOf(changes: readonly ReadModelChange[], streamType: ReadModelChange['streamType']) {
  return changes.filter((c) => c.streamType === streamType).map((c) => c.streamId);
}

async function visibleIds(
  dataSource: DataSource,
  table: 'risk_register' | 'incident_register',
  key: 'risk_id' | 'incident_id',
  columns: VisibilityColumns,
  ids: string[],
  visibility: Visibility,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const parameters: unknown[] = [ids];
  const visible = visibilityCondition(visibility, columns, parameters);
  const rows: { id: string }[] = await dataSource.query(
    `SELECT ${key} AS id FROM ${table} WHERE ${key} = ANY($1::text[]) AND ${visible}`,
    parameters,
  );
  return new Set(rows.map((r) => r.id));
}
