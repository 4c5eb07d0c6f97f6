import type { ReferenceDataQueries, SecurityAreaEntry } from '@riskledger/read-models';
import type { ExportForm } from '../platform/table-export';

/**
 * How an export writes the register's codes. The CSV keeps the codes (integrations match on
 * them); a spreadsheet is read by people and gets the words the console shows, in its language.
 */
export interface ExportLabels {
  area(code: string): string;
  level(code: string): string;
  riskStatus(code: string): string;
  classification(code: string): string;
  incidentKind(code: string): string;
  incidentStatus(code: string): string;
  /** The MSB scenario sentence. */
  scenario(cause: string, event: string, consequence: string): string;
}

/** The codes themselves: what the CSV has always written. */
export const CODES: ExportLabels = {
  area: (code) => code,
  level: (code) => code,
  riskStatus: (code) => code,
  classification: (code) => code,
  incidentKind: (code) => code,
  incidentStatus: (code) => code,
  scenario: (cause, event, consequence) =>
    `Because of ${cause}, ${event}, which leads to ${consequence}`,
};

// The same words as the console's locales (apps/web/src/locales/*/common.json).
const WORDS = {
  sv: {
    level: {
      LOW: 'Låg',
      MEDIUM: 'Medel',
      HIGH: 'Hög',
      VERY_HIGH: 'Mycket hög',
      NOT_ASSESSED: 'Ej bedömd',
    },
    riskStatus: { OPEN: 'Öppen', CLOSED: 'Avslutad' },
    classification: { OPEN: 'Öppen', RESTRICTED: 'Säkerhetsskydd' },
    incidentKind: {
      DEFICIENCY: 'Brist',
      DEVIATION: 'Avvikelse',
      NEAR_MISS: 'Tillbud',
      SERIOUS_NEAR_MISS: 'Allvarligt tillbud',
      ACCIDENT: 'Olycka',
      CARE_INJURY: 'Vårdskada',
      IT_INCIDENT: 'IT-incident',
      NOT_RECORDED: 'Typ ej angiven',
    },
    incidentStatus: {
      REPORTED: 'Rapporterad',
      INVESTIGATED: 'Utredd',
      ACTIONS_DECIDED: 'Åtgärder beslutade',
      CLOSED: 'Avslutad',
      DISMISSED: 'Avskriven',
    },
    scenario: (cause: string, event: string, consequence: string) =>
      `På grund av ${cause}, inträffar ${event}, vilket leder till ${consequence}`,
  },
  en: {
    level: {
      LOW: 'Low',
      MEDIUM: 'Medium',
      HIGH: 'High',
      VERY_HIGH: 'Very high',
      NOT_ASSESSED: 'Not assessed',
    },
    riskStatus: { OPEN: 'Open', CLOSED: 'Closed' },
    classification: { OPEN: 'Open', RESTRICTED: 'Protective security' },
    incidentKind: {
      DEFICIENCY: 'Deficiency',
      DEVIATION: 'Deviation',
      NEAR_MISS: 'Near miss',
      SERIOUS_NEAR_MISS: 'Serious near miss',
      ACCIDENT: 'Accident',
      CARE_INJURY: 'Care injury',
      IT_INCIDENT: 'IT incident',
      NOT_RECORDED: 'Kind not recorded',
    },
    incidentStatus: {
      REPORTED: 'Reported',
      INVESTIGATED: 'Investigated',
      ACTIONS_DECIDED: 'Actions decided',
      CLOSED: 'Closed',
      DISMISSED: 'Dismissed',
    },
    scenario: CODES.scenario,
  },
} as const;

/** The words of one language, the areas by the names the region registered for them. */
export function labelsIn(
  language: 'sv' | 'en',
  areas: readonly Pick<SecurityAreaEntry, 'code' | 'sv' | 'en'>[],
): ExportLabels {
  const words = WORDS[language];
  const names = new Map(areas.map((a) => [a.code, a[language]]));
  const from =
    (table: Readonly<Record<string, string>>) =>
    (code: string): string =>
      table[code] ?? code;
  return {
    area: (code) => names.get(code) ?? code,
    level: from(words.level),
    riskStatus: from(words.riskStatus),
    classification: from(words.classification),
    incidentKind: from(words.incidentKind),
    incidentStatus: from(words.incidentStatus),
    scenario: words.scenario,
  };
}

/** The labels of a register export: the codes in a CSV, the words of its language in a spreadsheet. */
export async function exportLabels(
  { format, language }: ExportForm,
  referenceData: ReferenceDataQueries,
): Promise<ExportLabels> {
  return format === 'csv' ? CODES : labelsIn(language, await referenceData.securityAreas());
}
