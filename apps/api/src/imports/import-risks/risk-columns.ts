import type { ImportColumn } from '../import-columns';

/** The columns of the risk import, in the template's order: the fields of POST /risks. */
export const RISK_COLUMNS = [
  {
    key: 'title',
    sv: 'Titel',
    en: 'Title',
    required: true,
    explain: {
      sv: 'Riskens korta namn, högst 200 tecken.',
      en: 'Short name, at most 200 characters.',
    },
    example: 'Olåst läkemedelsrum på avdelning 12',
  },
  {
    key: 'description',
    sv: 'Beskrivning',
    en: 'Description',
    required: false,
    explain: {
      sv: 'Risken i ord. Får lämnas tom när orsak, händelse och följd är ifyllda.',
      en: 'The risk in words. May be left empty when cause, event and consequence are given.',
    },
    example: 'Dörrstängaren är trasig, så obehöriga kan komma in och stjäla narkotika.',
  },
  {
    key: 'cause',
    sv: 'Orsak',
    en: 'Cause',
    required: false,
    explain: {
      sv: 'MSB:s form: ”på grund av <orsak> inträffar <händelse> som leder till <följd>”.',
      en: 'The MSB form: "because of <cause>, <event> happens, which leads to <consequence>".',
    },
    example: 'en trasig dörrstängare',
  },
  {
    key: 'event',
    sv: 'Händelse',
    en: 'Event',
    required: false,
    explain: { sv: 'Se Orsak.', en: 'See Cause.' },
    example: 'obehöriga tar sig in i läkemedelsrummet',
  },
  {
    key: 'outcome',
    sv: 'Följd',
    en: 'Outcome',
    required: false,
    explain: { sv: 'Se Orsak.', en: 'See Cause (the consequence in words).' },
    example: 'stöld av narkotika',
  },
  {
    key: 'threat',
    sv: 'Hot',
    en: 'Threat',
    required: false,
    explain: {
      sv: 'Den möjliga oönskade händelse eller exponering som ligger bakom risken.',
      en: 'The possible undesired event or exposure behind the risk.',
    },
    example: 'Stöld av narkotika',
  },
  {
    key: 'area',
    sv: 'Säkerhetsområde',
    en: 'Security area',
    required: true,
    explain: {
      sv: 'Ett säkerhetsområde som används: koden eller namnet (se bladet Säkerhetsområden).',
      en: 'A security area in use: its code or name (see the sheet Security areas).',
    },
    example: 'PHARMACEUTICALS',
  },
  {
    key: 'additionalAreas',
    sv: 'Fler säkerhetsområden',
    en: 'Further security areas',
    required: false,
    explain: {
      sv: 'Andra säkerhetsområden risken berör, åtskilda med semikolon.',
      en: 'Other security areas the risk concerns, separated by semicolons.',
    },
    example: 'CRIME_PREVENTION',
  },
  {
    key: 'unit',
    sv: 'Enhet',
    en: 'Unit',
    required: true,
    explain: {
      sv: 'Koden för en registrerad, öppen organisatorisk enhet (se bladet Registrerade enheter).',
      en: 'The code of a registered, open organisational unit (see the sheet Registered units).',
    },
    example: 'HN-W12',
  },
  {
    key: 'owner',
    sv: 'Riskägare',
    en: 'Owner',
    required: false,
    explain: { sv: 'Vem som äger risken.', en: 'Who owns the risk.' },
    example: 'avdelningschef@region.se',
  },
  {
    key: 'supplier',
    sv: 'Leverantör',
    en: 'Supplier',
    required: false,
    explain: {
      sv: 'Leverantör vars leverans risken gäller.',
      en: 'Supplier whose delivery the risk concerns.',
    },
    example: 'Lås & Dörr AB',
  },
  {
    key: 'contract',
    sv: 'Avtal',
    en: 'Contract',
    required: false,
    explain: { sv: 'Avtalsreferens risken gäller.', en: 'Contract reference the risk concerns.' },
    example: 'RV-2024-113',
  },
  {
    key: 'classification',
    sv: 'Klassning',
    en: 'Classification',
    required: false,
    explain: {
      sv: 'Öppen (tomt) eller Säkerhetsskydd (RESTRICTED).',
      en: 'Open (empty) or Protective security (RESTRICTED).',
    },
    example: 'Öppen',
  },
  {
    key: 'nextReviewDate',
    sv: 'Nästa granskning',
    en: 'Next review',
    required: false,
    explain: {
      sv: 'Datum ÅÅÅÅ-MM-DD; ett år från importen om tomt.',
      en: 'Date YYYY-MM-DD; a year from the import when empty.',
    },
    example: '2027-06-30',
  },
  {
    key: 'likelihood',
    sv: 'Sannolikhet',
    en: 'Likelihood',
    required: false,
    explain: {
      sv: 'Första bedömningen: 1 (sällsynt) till 5 (nästan säker); tillsammans med Konsekvens.',
      en: 'First assessment: 1 (rare) to 5 (almost certain); together with Consequence.',
    },
    example: '3',
  },
  {
    key: 'consequence',
    sv: 'Konsekvens',
    en: 'Consequence',
    required: false,
    explain: {
      sv: 'Första bedömningen: 1 (försumbar) till 5 (katastrofal); tillsammans med Sannolikhet.',
      en: 'First assessment: 1 (negligible) to 5 (catastrophic); together with Likelihood.',
    },
    example: '4',
  },
] as const satisfies readonly ImportColumn[];

export type RiskColumnKey = (typeof RISK_COLUMNS)[number]['key'];
