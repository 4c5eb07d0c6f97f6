import type { Decider } from '../shared/decider';
import type { RiskMatrix } from './risk-matrix';
import type { RiskMatrixCommand } from './risk-matrix.commands';
import type { RiskMatrixEvent } from './risk-matrix.events';
import { checkedMatrix } from './risk-matrix.rules';

/**
 * Every version is published on one stream, so that versions are numbered without gaps and two
 * publications at once cannot both become the same version.
 */
export const RISK_MATRIX_STREAM_ID = 'risk-matrix';

export interface RiskMatrixState {
  readonly published: readonly RiskMatrix[];
}

/** Publishing never changes a published version: it adds the next one, which applies from then on. */
export const riskMatrixDecider: Decider<RiskMatrixState, RiskMatrixCommand, RiskMatrixEvent> = {
  initialState: () => ({ published: [] }),

  decide(command, state) {
    const version = state.published.length + 1;
    return [{ type: 'RiskMatrixPublished', data: checkedMatrix(command, version) }];
  },

  evolve(state, event) {
    return { published: [...state.published, event.data] };
  },
};
