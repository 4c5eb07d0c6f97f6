import type { IdentifyRisk } from '@riskledger/domain';
import { wordsFor, type RowReader } from '../row-reader';
import type { RiskColumnKey } from './risk-columns';

/** What a row says of a risk: IdentifyRisk without what the import adds (id, reference, clock). */
export type RiskRow = Omit<IdentifyRisk, 'type' | 'riskId' | 'reference' | 'matrix' | 'today'>;

/** What the region's reference data says, read once per import. */
export interface RiskRowLookups {
  /** Each area in use, by its code and its names, in lower case. */
  areas: Readonly<Record<string, string>>;
  /** Codes of the registered, open units. */
  openUnits: ReadonlySet<string>;
}

const CLASSIFICATIONS = wordsFor({
  OPEN: ['Öppen', 'Open'],
  RESTRICTED: ['Säkerhetsskydd', 'Protective security'],
});

/**
 * A row as the fields of POST /risks, checked cell by cell; the domain's decider judges the rest,
 * as it does for every risk. A unit or area the region does not know is a problem, never a guess.
 */
export function riskRowOf(reader: RowReader<RiskColumnKey>, lookups: RiskRowLookups): RiskRow {
  const area = areaOf(reader, 'area', reader.required('area', 200), lookups);
  const additionalAreas = (reader.text('additionalAreas', 2000) ?? '')
    .split(/[;,]/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => areaOf(reader, 'additionalAreas', name, lookups));
  const unit = reader.required('unit', 200);
  if (unit !== '' && !lookups.openUnits.has(unit)) reader.refuse('unit', 'unknown-unit', unit);
  const cause = reader.text('cause', 1000);
  const event = reader.text('event', 1000);
  const outcome = reader.text('outcome', 1000);
  const description = reader.text('description', 5000);
  const scenario = { cause, event, outcome };
  const scenarioGiven = cause !== null && event !== null && outcome !== null;
  if (!scenarioGiven && Object.values(scenario).some((part) => part !== null)) {
    for (const [key, part] of Object.entries(scenario)) {
      if (part === null) reader.refuse(key as RiskColumnKey, 'required');
    }
  } else if (description === null && !scenarioGiven) {
    reader.refuse('description', 'description-or-scenario');
  }
  const likelihood = reader.score('likelihood');
  const consequence = reader.score('consequence');
  if (reader.isEmpty('likelihood') !== reader.isEmpty('consequence')) {
    reader.refuse(
      reader.isEmpty('likelihood') ? 'likelihood' : 'consequence',
      'score-without-pair',
    );
  }
  return {
    title: reader.required('title', 200),
    description,
    scenario: scenarioGiven ? { cause, event, consequence: outcome } : null,
    threat: reader.text('threat', 1000),
    area,
    additionalAreas: additionalAreas.filter((code) => code !== ''),
    unit,
    owner: reader.text('owner', 200),
    supplier: reader.text('supplier', 200),
    contract: reader.text('contract', 200),
    classification: reader.oneOf('classification', CLASSIFICATIONS) ?? 'OPEN',
    nextReviewDate: reader.date('nextReviewDate'),
    likelihood,
    consequence,
  };
}

function areaOf(
  reader: RowReader<RiskColumnKey>,
  key: RiskColumnKey,
  name: string,
  lookups: RiskRowLookups,
): string {
  if (name === '') return '';
  const code = lookups.areas[name.toLocaleLowerCase('sv')];
  if (code === undefined) reader.refuse(key, 'unknown-area', name);
  return code ?? '';
}
