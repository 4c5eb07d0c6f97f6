import type { Role } from '@riskledger/domain';
import type { EventMetadata } from '@riskledger/event-store';

/** Who sends a command, and the ids that let an investigator follow it afterwards. */
export interface CommandContext {
  actor: string;
  /**
   * The role the actor acts in (X-Actor-Role until authentication replaces it); decides e.g. who
   * may accept a risk of a given level.
   */
  role?: Role;
  /** The id of this request; every event it causes names it as its causation. */
  requestId: string;
  correlationId: string;
  /**
   * What the caller says caused this request (X-Causation-Id), e.g. the incident, or the event, a
   * reassessment follows from; without it the request itself is the cause.
   */
  causationId?: string;
}

export function metadataFor(context: CommandContext, reason?: string | null): EventMetadata {
  return {
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.causationId ?? context.requestId,
    reason: reason?.trim() || null,
  };
}
