import type { EventEnvelope } from '@riskledger/contracts';

/**
 * The security areas in use as the log stood when it was read, in the order the register lists
 * them (the built-in ones first, then by code), so that an area registered or retired after a
 * year has closed does not change that year's report. Null when the log read holds no area yet
 * (a year before the installation seeded them): the caller then takes the areas in use now.
 */
export function areasInUse(events: readonly EventEnvelope[]): string[] | null {
  const areas = new Map<string, { builtIn: boolean; retired: boolean }>();
  for (const event of events) {
    if (event.streamType !== 'security-area') continue;
    const code = String(event.data.code);
    if (event.type === 'SecurityAreaRegistered') {
      areas.set(code, { builtIn: event.data.builtIn === true, retired: false });
    }
    const area = areas.get(code);
    if (event.type === 'SecurityAreaRetired' && area) area.retired = true;
  }
  if (areas.size === 0) return null;
  return [...areas]
    .filter(([, area]) => !area.retired)
    .sort(([a, x], [b, y]) => Number(y.builtIn) - Number(x.builtIn) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([code]) => code);
}
