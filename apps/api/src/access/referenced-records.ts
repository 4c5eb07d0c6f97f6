import { Injectable } from '@nestjs/common';
import type { Visibility } from '@riskledger/domain';
import { PostgresEventStore } from '@riskledger/event-store';
import { StreamVisibility } from './stream-visibility';

/**
 * Whether a record that a command refers to (the incident a risk was identified from, the risks an
 * incident realised) exists for the caller. Outside their scope it does not, exactly as if it had
 * never been recorded: a reference reveals nothing about records beyond the caller's reach.
 */
@Injectable()
export class ReferencedRecords {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly visibility: StreamVisibility,
  ) {}

  async existFor(
    streamType: 'risk' | 'incident',
    id: string,
    scope: Visibility | undefined,
  ): Promise<boolean> {
    const history = await this.store.readStream(id);
    if (history[0]?.streamType !== streamType) return false;
    return !scope || this.visibility.allows(history, reachOf(scope));
  }
}

/**
 * A reporter reads only their own reports, but may name any risk of their units and areas (the
 * nurse who reports the incident that realised the ward's risk): a reference reaches the units and
 * areas of the caller's grants, and classified records only with clearance.
 */
function reachOf(scope: Visibility): Visibility {
  return {
    ...scope,
    windows: scope.windows && scope.windows.map((window) => ({ ...window, reportedBy: null })),
  };
}
