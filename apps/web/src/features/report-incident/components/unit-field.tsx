import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../components/fields';
import type { OrganisationalUnit } from '../../../lib/reference-data';

interface UnitChoice {
  code: string;
  /** The names below its group, e.g. "Medicinkliniken › Avdelning 12" in Sjukhusförvaltningen. */
  label: string;
}

interface UnitGroup {
  name: string;
  units: UnitChoice[];
}

/**
 * The open units, grouped by the administration or company they belong to: a native select with
 * option groups is the picker phones and screen readers handle best. A search box narrows it when
 * the organisation is large. Before a region registers its units, the unit is written in words.
 */
export function UnitField({
  organisation,
  value,
  onChange,
  errorMessage,
}: {
  organisation: OrganisationalUnit[] | undefined;
  value: string;
  onChange: (code: string) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const groups = groupsOf(organisation ?? []);
  const count = groups.reduce((sum, group) => sum + group.units.length, 0);
  if (count === 0) {
    return (
      <TextInput
        label={t('reportIncident.unit.label')}
        description={t('reportIncident.unit.freeText')}
        name="unit"
        isRequired
        value={value}
        onChange={onChange}
      />
    );
  }
  const needle = search.trim().toLocaleLowerCase();
  const shown = groups
    .map((group) => ({
      ...group,
      units: group.units.filter(
        (unit) =>
          unit.code === value ||
          !needle ||
          `${group.name} ${unit.label} ${unit.code}`.toLocaleLowerCase().includes(needle),
      ),
    }))
    .filter((group) => group.units.length > 0);
  const shownCount = shown.reduce((sum, group) => sum + group.units.length, 0);
  const id = 'field-unit';
  return (
    <div className="field">
      {count > 12 && (
        <div className="field">
          <label htmlFor="unit-search">{t('reportIncident.unit.search')}</label>
          <input
            id="unit-search"
            type="search"
            value={search}
            autoComplete="off"
            aria-describedby="unit-search-count"
            onChange={(event) => setSearch(event.target.value)}
          />
          <span id="unit-search-count" className="field-description" aria-live="polite">
            {t('reportIncident.unit.matches', { count: shownCount })}
          </span>
        </div>
      )}
      <label htmlFor={id}>{t('reportIncident.unit.label')}</label>
      <select
        id={id}
        name="unit"
        required
        value={value}
        aria-invalid={errorMessage ? true : undefined}
        aria-describedby={`${id}-description${errorMessage ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('reportIncident.unit.choose')}</option>
        {shown.map((group) => (
          <optgroup key={group.name} label={group.name}>
            {group.units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <span id={`${id}-description`} className="field-description">
        {t('reportIncident.unit.help')}
      </span>
      {errorMessage && (
        <span id={`${id}-error`} className="field-error">
          {errorMessage}
        </span>
      )}
    </div>
  );
}

/** One group per administration or company (the region's own units in the first). */
function groupsOf(roots: OrganisationalUnit[]): UnitGroup[] {
  const groups: UnitGroup[] = [];
  for (const root of roots) {
    const own: UnitGroup = { name: root.name, units: [] };
    if (root.open) own.units.push({ code: root.code, label: root.name });
    groups.push(own);
    for (const top of root.children) {
      if (!top.open) continue;
      // The group says whose units they are; its options name the rest of the way down.
      const group: UnitGroup = { name: top.name, units: [{ code: top.code, label: top.name }] };
      for (const child of top.children) collect(child, [], group.units);
      groups.push(group);
    }
  }
  return groups.filter((group) => group.units.length > 0);
}

function collect(unit: OrganisationalUnit, above: string[], into: UnitChoice[]): void {
  if (!unit.open) return;
  const names = [...above, unit.name];
  into.push({ code: unit.code, label: names.join(' › ') });
  for (const child of unit.children) collect(child, names, into);
}
