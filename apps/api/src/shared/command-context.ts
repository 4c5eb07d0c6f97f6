import type { Role, Visibility } from '@riskledger/domain';
import type { EventMetadata } from '@riskledger/event-store';

/** Who sends a command, and the ids that let an investigator follow it afterwards. */
export interface CommandContext {
  /** The signed-in caller's subject. */
  actor: string;
  actorName: string;
  /** The roles the caller holds; decide e.g. who may accept a risk of a given level. */
  roles: Role[];
  /**
   * What of the registers the caller may change (their unit and area scope); absent for the
   * system's own actors (the lapse sweep, seeding), which act everywhere.
   */
  visibility?: Visibility;
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
    actorName: context.actorName,
    correlationId: context.correlationId,
    causationId: context.causationId ?? context.requestId,
    reason: reason?.trim() || null,
  };
}
