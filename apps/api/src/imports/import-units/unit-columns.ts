import type { ImportColumn } from '../import-columns';

/** The columns of the organisational tree's import: the fields of POST /organisational-units. */
export const UNIT_COLUMNS = [
  {
    key: 'code',
    sv: 'Kod',
    en: 'Code',
    required: true,
    explain: {
      sv: 'Enhetens kod, t.ex. HSA-id: 1–64 bokstäver, siffror, . _ eller -.',
      en: "The unit's code, e.g. its HSA id: 1 to 64 letters, digits, . _ or -.",
    },
    example: 'HN-W12',
  },
  {
    key: 'name',
    sv: 'Namn',
    en: 'Name',
    required: true,
    explain: {
      sv: 'Enhetens namn, högst 200 tecken.',
      en: "The unit's name, at most 200 characters.",
    },
    example: 'Avdelning 12, Sjukhuset Norr',
  },
  {
    key: 'parentCode',
    sv: 'Överordnad enhet',
    en: 'Parent unit',
    required: false,
    explain: {
      sv: 'Koden för enheten den ligger under: registrerad, eller på en annan rad i filen. Tom bara för regionen.',
      en: 'The code of the unit it lies below: registered, or on another row of the file. Empty only for the region.',
    },
    example: 'HN',
  },
  {
    key: 'kind',
    sv: 'Typ',
    en: 'Kind',
    required: true,
    explain: {
      sv: 'Region, Förvaltning, Bolag, Verksamhet eller Enhet (eller koderna REGION, ADMINISTRATION, COMPANY, DEPARTMENT, UNIT).',
      en: 'Region, Administration, Company, Department or Unit (or the codes REGION, ADMINISTRATION, COMPANY, DEPARTMENT, UNIT).',
    },
    example: 'Enhet',
  },
] as const satisfies readonly ImportColumn[];

export type UnitColumnKey = (typeof UNIT_COLUMNS)[number]['key'];
