import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from './api/client';

export type RiskMatrix = Schemas['RiskMatrixResponse'];
export type SecurityArea = Schemas['SecurityAreaResponse'];
export type OrganisationalUnit = Schemas['OrganisationalUnitResponse'];

/** Reference data changes seldom: every page shares one cached copy. */
const REFERENCE = { staleTime: 5 * 60_000 };

export function useCurrentMatrix() {
  return useQuery({
    queryKey: ['risk-matrices', 'current'],
    queryFn: () => unwrap(api.GET('/risk-matrices/current')),
    ...REFERENCE,
  });
}

export function useSecurityAreas() {
  return useQuery({
    queryKey: ['security-areas'],
    queryFn: () => unwrap(api.GET('/security-areas')),
    ...REFERENCE,
  });
}

export function useOrganisation() {
  return useQuery({
    queryKey: ['organisational-units'],
    queryFn: () => unwrap(api.GET('/organisational-units')),
    ...REFERENCE,
  });
}

/** An area's name in the chosen language: the region's own wording, else the built-in one. */
export function useAreaName(): (code: string) => string {
  const { t, i18n } = useTranslation();
  const { data } = useSecurityAreas();
  return (code) => {
    const area = data?.find((candidate) => candidate.code === code);
    const own = area ? (i18n.language === 'en' ? area.en : area.sv) : undefined;
    return own || t(`common.areas.${code}`, { defaultValue: code });
  };
}

/**
 * The areas as a picker's options, by name in the chosen language; `inUse` leaves out the retired
 * ones (for what may still name an area), the whole list is for searching what once did.
 */
export function useAreaOptions(inUse = false): { value: string; label: string }[] {
  const { data } = useSecurityAreas();
  const areaName = useAreaName();
  return (data ?? [])
    .filter((area) => !inUse || !area.retired)
    .map((area) => ({ value: area.code, label: areaName(area.code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The level a score falls in under a matrix's bands. */
export function levelOf(matrix: RiskMatrix | undefined, score: number): string | undefined {
  return matrix?.bands.find((band) => score <= band.maxScore)?.level;
}
