import type { Projection } from './projection';
import { RiskRegisterProjection } from './risk-register/risk-register.projection';
import { TraceabilityLogProjection } from './traceability-log/traceability-log.projection';

/** Every projection, by the name the CLI and the checkpoints use. */
export function allProjections(): Projection[] {
  return [new RiskRegisterProjection(), new TraceabilityLogProjection()];
}

export function projectionNamed(name: string): Projection {
  const projection = allProjections().find((p) => p.name === name);
  if (!projection) {
    const names = allProjections().map((p) => p.name);
    throw new Error(`no projection "${name}"; the projections are ${names.join(', ')}`);
  }
  return projection;
}
