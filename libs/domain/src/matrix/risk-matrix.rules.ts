import { InvalidValueError } from '../shared/errors';
import { isRole, ROLES, type Role } from '../shared/roles';
import { requireText } from '../shared/text';
import type { LevelBandInput, PublishRiskMatrix, ScaleStepInput } from './risk-matrix.commands';
import {
  RISK_LEVELS,
  type LevelBand,
  type RiskLevel,
  type RiskMatrix,
  type ScaleStep,
} from './risk-matrix';

/** Likelihood and consequence are each scored 1 to 5, so the risk value runs up to 25. */
const SCALE_STEPS = 5;
const HIGHEST_SCORE = SCALE_STEPS * SCALE_STEPS;
/** Ten years: an acceptance is a decision to be renewed, not a permanent one. */
const LONGEST_ACCEPTANCE_DAYS = 3650;

/**
 * A matrix as the domain accepts it, or an InvalidValueError naming the field the way the request
 * nests it (e.g. `bands.1.maxScore`): every step of both scales described in Swedish and English,
 * bands that rise and cover every risk value, and per band who may accept and for how long.
 */
export function checkedMatrix(command: PublishRiskMatrix, version: number): RiskMatrix {
  return {
    version,
    likelihoodScale: checkedScale('likelihoodScale', command.likelihoodScale),
    consequenceScale: checkedScale('consequenceScale', command.consequenceScale),
    bands: checkedBands(command.bands),
  };
}

function checkedScale(field: string, steps: readonly ScaleStepInput[]): ScaleStep[] {
  if (!Array.isArray(steps) || steps.length !== SCALE_STEPS) {
    throw new InvalidValueError(field, `must have exactly ${SCALE_STEPS} steps, valued 1 to 5`);
  }
  return steps.map((step, i) => {
    const at = `${field}.${i}`;
    if (step.value !== i + 1) {
      throw new InvalidValueError(
        `${at}.value`,
        `must be ${i + 1}: the steps are valued 1 to 5 in order`,
      );
    }
    return {
      value: step.value,
      label: localised(`${at}.label`, step.label, 100),
      criteria: localised(`${at}.criteria`, step.criteria, 1000),
    };
  });
}

function localised(field: string, text: { sv: string; en: string } | undefined, max: number) {
  if (!text) throw new InvalidValueError(field, 'is required, in Swedish (sv) and English (en)');
  return {
    sv: requireText(`${field}.sv`, text.sv ?? '', max),
    en: requireText(`${field}.en`, text.en ?? '', max),
  };
}

function checkedBands(bands: readonly LevelBandInput[]): LevelBand[] {
  if (!Array.isArray(bands) || bands.length === 0 || bands.length > RISK_LEVELS.length) {
    throw new InvalidValueError('bands', `must have 1 to ${RISK_LEVELS.length} level bands`);
  }
  const checked = bands.map((band, i) => checkedBand(`bands.${i}`, band));
  checked.forEach((band, i) => {
    const before = checked[i - 1];
    if (before && RISK_LEVELS.indexOf(band.level) <= RISK_LEVELS.indexOf(before.level)) {
      throw new InvalidValueError(
        `bands.${i}.level`,
        `must come after ${before.level}: the levels rise in the order ${RISK_LEVELS.join(', ')}`,
      );
    }
    if (before && band.maxScore <= before.maxScore) {
      throw new InvalidValueError(
        `bands.${i}.maxScore`,
        `must be above ${before.maxScore}, the maxScore of the band before it`,
      );
    }
  });
  const last = checked[checked.length - 1];
  if (last.maxScore !== HIGHEST_SCORE) {
    throw new InvalidValueError(
      `bands.${checked.length - 1}.maxScore`,
      `must be ${HIGHEST_SCORE}: the highest band covers every risk value up to 5 × 5`,
    );
  }
  return checked;
}

function checkedBand(at: string, band: LevelBandInput): LevelBand {
  if (!(RISK_LEVELS as readonly string[]).includes(band.level)) {
    throw new InvalidValueError(`${at}.level`, `must be one of ${RISK_LEVELS.join(', ')}`);
  }
  if (!Number.isInteger(band.maxScore) || band.maxScore < 1 || band.maxScore > HIGHEST_SCORE) {
    throw new InvalidValueError(
      `${at}.maxScore`,
      `must be a whole number from 1 to ${HIGHEST_SCORE}`,
    );
  }
  const acceptableBy = Array.isArray(band.acceptableBy) ? band.acceptableBy : [];
  const unknown = acceptableBy.find((role) => !isRole(role));
  if (unknown !== undefined) {
    throw new InvalidValueError(
      `${at}.acceptableBy`,
      `${unknown} is not a role; the roles are ${ROLES.join(', ')}`,
    );
  }
  if (new Set(acceptableBy).size !== acceptableBy.length) {
    throw new InvalidValueError(`${at}.acceptableBy`, 'must name each role once');
  }
  const days = band.maxAcceptanceDays;
  if (!Number.isInteger(days) || days < 0 || days > LONGEST_ACCEPTANCE_DAYS) {
    throw new InvalidValueError(
      `${at}.maxAcceptanceDays`,
      `must be a whole number of days from 0 to ${LONGEST_ACCEPTANCE_DAYS}`,
    );
  }
  // A band nobody may accept must be treated; a band someone may accept needs a time it holds.
  if (acceptableBy.length === 0 && days !== 0) {
    throw new InvalidValueError(
      `${at}.maxAcceptanceDays`,
      'must be 0 when no role may accept the level',
    );
  }
  if (acceptableBy.length > 0 && days === 0) {
    throw new InvalidValueError(
      `${at}.maxAcceptanceDays`,
      'must be at least 1 when a role may accept the level (an acceptance lapses after it)',
    );
  }
  return {
    level: band.level as RiskLevel,
    maxScore: band.maxScore,
    acceptableBy: acceptableBy as Role[],
    maxAcceptanceDays: days,
  };
}
