/**
 * The ways the domain refuses a command. Each kind is mapped to an HTTP status exactly once, at the
 * API's edge; the domain itself knows nothing of HTTP.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'invalid-value' | 'rule-violated' | 'not-found';
}

/** A value the caller sent cannot be accepted (names the field it came from). */
export class InvalidValueError extends DomainError {
  readonly kind = 'invalid-value' as const;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'InvalidValueError';
  }
}

/** The command contradicts the current state of what it acts on (e.g. applying an unplanned mitigation). */
export class RuleViolatedError extends DomainError {
  readonly kind = 'rule-violated' as const;
  constructor(
    readonly rule: string,
    message: string,
    /** What the rule weighed, for a client to explain the refusal in its own words. */
    readonly facts?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'RuleViolatedError';
  }
}

/** The command names something that does not exist. */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} ${id} does not exist`);
    this.name = 'NotFoundError';
  }
}
