import type { TypedEvent } from '../shared/decider';
import type { RiskMatrix } from './risk-matrix';

/** A new matrix version was published; it applies to every assessment from now on. */
export type RiskMatrixPublished = TypedEvent<'RiskMatrixPublished', RiskMatrix>;

export type RiskMatrixEvent = RiskMatrixPublished;
