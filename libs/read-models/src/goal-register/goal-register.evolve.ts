import { goalFulfilment, latestMeasurement } from '@riskledger/domain';
import { domainEventOf, type EventEnvelope } from '@riskledger/contracts';
import type { GoalRegisterEntry } from './goal-register-entry';

/**
 * Folds one goal event into its register entry. Pure: a rebuild from the log, and the annual
 * report computed from the log, give exactly the entry the live projection holds.
 */
export function evolveGoalRegisterEntry(
  entry: GoalRegisterEntry | null,
  envelope: EventEnvelope,
): GoalRegisterEntry | null {
  const event = domainEventOf(envelope);
  if (!event) return entry;
  const at = envelope.recordedAt;
  const actor = envelope.metadata.actor;
  const touched = { updatedAt: at, updatedBy: actor, version: envelope.streamVersion };
  if (event.type === 'SecurityGoalSet') {
    const d = event.data;
    return withFulfilment({
      goalId: d.goalId,
      area: d.area,
      year: d.year,
      text: d.text,
      indicator: d.indicator,
      targetValue: d.targetValue,
      measurementUnit: d.measurementUnit,
      direction: d.direction,
      partlyMetFrom: d.partlyMetFrom,
      status: 'ACTIVE',
      withdrawnReason: null,
      withdrawnAt: null,
      measurements: [],
      revisions: [],
      latestMeasurement: null,
      fulfilment: 'NOT_MEASURED',
      setAt: at,
      setBy: actor,
      ...touched,
    });
  }
  if (!entry) return null;
  switch (event.type) {
    case 'IndicatorMeasured': {
      const { measurementId, value, measuredOn, note } = event.data;
      const measurement = {
        measurementId,
        value,
        measuredOn,
        note,
        recordedAt: at,
        recordedBy: actor,
      };
      return withFulfilment({
        ...entry,
        measurements: [...entry.measurements, measurement],
        ...touched,
      });
    }
    case 'SecurityGoalRevised': {
      const { targetValue, partlyMetFrom, reason } = event.data;
      const revision = {
        targetValue,
        partlyMetFrom,
        previousTargetValue: entry.targetValue,
        previousPartlyMetFrom: entry.partlyMetFrom,
        reason,
        revisedAt: at,
        revisedBy: actor,
      };
      return withFulfilment({
        ...entry,
        targetValue,
        partlyMetFrom,
        revisions: [...entry.revisions, revision],
        ...touched,
      });
    }
    case 'SecurityGoalWithdrawn':
      return {
        ...entry,
        status: 'WITHDRAWN',
        withdrawnReason: event.data.reason,
        withdrawnAt: at,
        ...touched,
      };
    default:
      return entry;
  }
}

function withFulfilment(entry: GoalRegisterEntry): GoalRegisterEntry {
  return {
    ...entry,
    latestMeasurement: latestMeasurement(entry.measurements),
    fulfilment: goalFulfilment(entry, entry.measurements),
  };
}
