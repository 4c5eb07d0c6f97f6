import { Injectable } from '@nestjs/common';
import type { Visibility } from '@riskledger/domain';
import { isVisible, unitsNamedBy, type VisibleRecord } from '@riskledger/read-models';
import { ReferenceData } from '../shared/reference-data';

/** What visibility is decided on: a stream's first event and who recorded it. */
export interface StreamStart {
  type: string;
  data: unknown;
  metadata: { actor: string };
}

/**
 * Whether a caller may see a risk or incident, decided from its own events (the history is read
 * from the store, which may be ahead of the registers): where it was identified or reported, its
 * areas, its classification and who reported it. The same rule the registers apply in SQL.
 */
@Injectable()
export class StreamVisibility {
  constructor(private readonly referenceData: ReferenceData) {}

  async allows(events: readonly StreamStart[], visibility: Visibility): Promise<boolean> {
    return (await this.checkerFor(visibility))(events);
  }

  /** The same decision for many streams at once (a bulk import): the subtrees are read once. */
  async checkerFor(visibility: Visibility): Promise<(events: readonly StreamStart[]) => boolean> {
    if (visibility.windows === null && visibility.cleared) return () => true;
    const subtrees = new Map<string, ReadonlySet<string>>();
    for (const unit of unitsNamedBy(visibility)) {
      subtrees.set(unit, new Set(await this.referenceData.unitSubtree(unit)));
    }
    return (events) => {
      if (events.length === 0) return false;
      const record = recordOf(events);
      if (!record) return true; // a stream no scope applies to
      return isVisible(record, visibility, (unit) => subtrees.get(unit) ?? new Set([unit]));
    };
  }
}

function recordOf(events: readonly StreamStart[]): VisibleRecord | null {
  const [first] = events;
  const data = first.data as Record<string, unknown>;
  if (first.type === 'RiskIdentified') {
    const additional = Array.isArray(data.additionalAreas)
      ? (data.additionalAreas as string[])
      : [];
    return {
      unit: String(data.unit),
      areas: [String(data.area), ...additional],
      classification: typeof data.classification === 'string' ? data.classification : 'OPEN',
    };
  }
  if (first.type === 'SecurityGoalSet') {
    // A goal is an area's: a grant limited to units does not reach it.
    return { unit: '', areas: [String(data.area)] };
  }
  if (first.type === 'IncidentReported') {
    return {
      unit: String(data.unit),
      areas: [String(data.area)],
      reportedBy: first.metadata.actor,
    };
  }
  return null;
}
