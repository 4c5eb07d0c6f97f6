/** The languages an import answers in: Swedish unless asked otherwise. */
export const IMPORT_LANGUAGES = ['sv', 'en'] as const;
export type ImportLanguage = (typeof IMPORT_LANGUAGES)[number];

type Words = (value: string) => string;

/**
 * What can be wrong with an uploaded file or one of its cells, in both languages. The code is for
 * programs (the CLI, the console); the message for the person who fixes the spreadsheet.
 */
const PROBLEMS = {
  'unreadable-file': {
    sv: (v) => `Filen går inte att läsa som CSV eller XLSX (${v})`,
    en: (v) => `The file cannot be read as CSV or XLSX (${v})`,
  },
  'unknown-column': {
    sv: (v) => `Kolumnen ”${v}” finns inte i mallen`,
    en: (v) => `The column "${v}" is not one of the template's`,
  },
  'duplicate-column': {
    sv: (v) => `Kolumnen ”${v}” finns flera gånger`,
    en: (v) => `The column "${v}" appears more than once`,
  },
  'missing-column': {
    sv: (v) => `Kolumnen ”${v}” saknas; den måste finnas`,
    en: (v) => `The column "${v}" is missing; it is required`,
  },
  'no-rows': {
    sv: () => 'Filen har inga rader under rubrikraden',
    en: () => 'The file has no rows below the header row',
  },
  'too-many-rows': {
    sv: (v) => `Filen har fler än ${v} rader; dela upp den`,
    en: (v) => `The file has more than ${v} rows; split it`,
  },
  required: {
    sv: () => 'Måste fyllas i',
    en: () => 'Must be filled in',
  },
  'too-long': {
    sv: (v) => `Får vara högst ${v} tecken`,
    en: (v) => `May be at most ${v} characters`,
  },
  'not-a-score': {
    sv: (v) => `”${v}” är inte ett heltal från 1 till 5`,
    en: (v) => `"${v}" is not a whole number from 1 to 5`,
  },
  'score-without-pair': {
    sv: () => 'Sannolikhet och konsekvens anges båda eller ingen av dem',
    en: () => 'Give both likelihood and consequence, or neither',
  },
  'not-a-date': {
    sv: (v) => `”${v}” är inte ett datum skrivet ÅÅÅÅ-MM-DD`,
    en: (v) => `"${v}" is not a date written YYYY-MM-DD`,
  },
  'unknown-area': {
    sv: (v) => `”${v}” är inget säkerhetsområde som används (ange kod eller namn)`,
    en: (v) => `"${v}" is not a security area in use (give its code or name)`,
  },
  'unknown-unit': {
    sv: (v) => `”${v}” är ingen registrerad, öppen enhet (ange enhetens kod)`,
    en: (v) => `"${v}" is not a registered, open organisational unit (give its code)`,
  },
  'unknown-value': {
    sv: (v) => `”${v}” är inget av de tillåtna värdena (se mallens kolumnförklaringar)`,
    en: (v) => `"${v}" is not one of the allowed values (see the template's column notes)`,
  },
  'description-or-scenario': {
    sv: () => 'Ange en beskrivning, eller orsak, händelse och följd',
    en: () => 'Give a description, or the cause, event and consequence',
  },
  'outside-scope': {
    sv: () => 'Enheten och säkerhetsområdet ligger utanför det du ansvarar för',
    en: () => 'The unit and security area lie outside what you are responsible for',
  },
  'not-cleared': {
    sv: () => 'Du är inte behörig till säkerhetsskyddsklassade risker',
    en: () => 'You are not cleared for protective-security (restricted) risks',
  },
  'unit-code': {
    sv: () => 'En kod är 1–64 bokstäver, siffror, . _ eller -, och börjar med bokstav eller siffra',
    en: () => 'A code is 1 to 64 letters, digits, . _ or -, starting with a letter or digit',
  },
  'duplicate-unit': {
    sv: (v) => `Enheten ${v} finns redan på en tidigare rad i filen`,
    en: (v) => `The unit ${v} is already on an earlier row of the file`,
  },
  'unit-registered-differently': {
    sv: (v) => `Enheten ${v} är redan registrerad med annat namn, annan typ eller annan överordnad`,
    en: (v) => `The unit ${v} is already registered with another name, kind or parent`,
  },
  'unknown-parent': {
    sv: (v) => `Den överordnade enheten ${v} är varken registrerad och öppen eller finns i filen`,
    en: (v) => `The parent unit ${v} is neither registered and open nor in the file`,
  },
  'domain-rule': {
    // The domain's refusals are written in English; the code beside them says which rule.
    sv: (v) => `Regeln bryts: ${v}`,
    en: (v) => `Breaks a rule: ${v}`,
  },
} satisfies Record<string, { sv: Words; en: Words }>;

export type ProblemCode = keyof typeof PROBLEMS;
export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];

/** One thing wrong, by row and column; row 1 is the header row, null the file as a whole. */
export interface ImportProblem {
  row: number | null;
  column: string | null;
  code: ProblemCode;
  message: string;
}

export type Problems = (
  row: number | null,
  column: string | null,
  code: ProblemCode,
  value?: string,
) => ImportProblem;

/** Makes problems worded in one language. */
export function problemsIn(language: ImportLanguage): Problems {
  return (row, column, code, value = '') => ({
    row,
    column,
    code,
    message: PROBLEMS[code][language](value),
  });
}
