/**
 * The 14 security areas reported on in the regions' annual security report (säkerhetsberättelse).
 * A region will be able to add its own areas as reference data; until then these are the valid codes.
 */
export const SECURITY_AREAS = [
  { code: 'WORK_ENVIRONMENT', sv: 'Arbetsmiljö', en: 'Work environment' },
  { code: 'FIRE_SAFETY', sv: 'Brandsäkerhet', en: 'Fire safety' },
  { code: 'OPERATIONAL_RELIABILITY', sv: 'Driftsäkerhet', en: 'Operational reliability' },
  { code: 'INFORMATION_SECURITY', sv: 'Informationssäkerhet', en: 'Information security' },
  { code: 'IT_SECURITY', sv: 'IT-säkerhet', en: 'IT security' },
  {
    code: 'CRIME_PREVENTION',
    sv: 'Kriminalitet och brottsförebyggande',
    en: 'Crime and crime prevention',
  },
  { code: 'CRISIS_PREPAREDNESS', sv: 'Krisberedskap', en: 'Crisis preparedness' },
  { code: 'PHARMACEUTICALS', sv: 'Läkemedel', en: 'Pharmaceuticals' },
  {
    code: 'ENVIRONMENT_DANGEROUS_GOODS',
    sv: 'Miljösäkerhet / transport av farligt gods',
    en: 'Environmental safety / dangerous goods transport',
  },
  { code: 'MEDICAL_TECHNICAL_SAFETY', sv: 'MT-säkerhet', en: 'Medical-technical safety' },
  { code: 'PATIENT_SAFETY', sv: 'Patientsäkerhet', en: 'Patient safety' },
  { code: 'INFECTION_CONTROL', sv: 'Smittskydd', en: 'Infection control' },
  { code: 'RADIATION_SAFETY', sv: 'Strålsäkerhet', en: 'Radiation safety' },
  { code: 'HOSPITAL_HYGIENE', sv: 'Vårdhygien', en: 'Hospital hygiene' },
] as const;

export type SecurityAreaCode = (typeof SECURITY_AREAS)[number]['code'];

export const SECURITY_AREA_CODES: readonly SecurityAreaCode[] = SECURITY_AREAS.map((a) => a.code);

export function isSecurityAreaCode(value: string): value is SecurityAreaCode {
  return (SECURITY_AREA_CODES as readonly string[]).includes(value);
}
