import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxInput, SelectInput } from '../../../../components/fields';
import { LEVELS } from '../../../../components/level';
import { useAreaName, useOrganisation, useSecurityAreas } from '../../../../lib/reference-data';
import type { RegisterView } from '../register-search';
import { unitOptions } from '../../../../lib/units';

type Change = Record<string, string | boolean | undefined>;

const TRISTATE = ['', 'true', 'false'] as const;

/**
 * The register's filters. Pickers apply at once; the text fields when the form is sent (Enter or
 * the button), so that the list does not jump while someone types. On a phone they fold away.
 */
export function RegisterFilters({
  view,
  onChange,
}: {
  view: RegisterView;
  onChange: (change: Change) => void;
}) {
  const { t } = useTranslation();
  const areas = useSecurityAreas();
  const organisation = useOrganisation();
  const areaName = useAreaName();
  const filters = view.filters;
  const [q, setQ] = useState(String(filters.q ?? ''));
  const [owner, setOwner] = useState(String(filters.owner ?? ''));
  // A chip removed or a link followed changes the URL: the text fields follow it.
  useEffect(() => setQ(String(filters.q ?? '')), [filters.q]);
  useEffect(() => setOwner(String(filters.owner ?? '')), [filters.owner]);
  const [open, setOpen] = useState(
    () => typeof window === 'undefined' || window.matchMedia('(min-width: 48rem)').matches,
  );
  const value = (key: string) => (filters[key] === undefined ? '' : String(filters[key]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q: q.trim(), owner: owner.trim() });
  };
  const tristate = (key: string) => (
    <SelectInput
      label={t(`register.filters.${key}`)}
      name={key}
      value={value(key)}
      onChange={(next) => onChange({ [key]: next === '' ? undefined : next === 'true' })}
      options={TRISTATE.slice(1).map((option) => ({
        value: option,
        label: t(`register.filters.${key}Options.${option}`),
      }))}
      emptyLabel={t('register.filters.any')}
    />
  );
  return (
    <form
      role="search"
      className="register-search"
      onSubmit={submit}
      aria-label={t('register.filters.label')}
    >
      <div className="register-search-row">
        <div className="field register-q">
          <label htmlFor="register-q">{t('register.filters.q')}</label>
          <input
            id="register-q"
            type="search"
            name="q"
            value={q}
            onChange={(event) => setQ(event.target.value)}
            aria-describedby="register-q-description"
          />
          <span id="register-q-description" className="field-description">
            {t('register.filters.qHelp')}
          </span>
        </div>
        <button type="submit" className="button primary">
          {t('register.filters.search')}
        </button>
      </div>
      <details
        className="register-filters disclosure"
        open={open}
        onToggle={(event) => setOpen(event.currentTarget.open)}
      >
        <summary>{t('register.filters.more')}</summary>
        <div className="filters">
          <SelectInput
            label={t('register.filters.area')}
            name="area"
            value={value('area')}
            onChange={(next) => onChange({ area: next })}
            options={(areas.data ?? []).map((area) => ({
              value: area.code,
              label: area.retired
                ? t('register.filters.retired', { name: areaName(area.code) })
                : areaName(area.code),
            }))}
            emptyLabel={t('register.filters.allAreas')}
          />
          <div className="register-unit">
            <SelectInput
              label={t('register.filters.unit')}
              name="unit"
              value={value('unit')}
              onChange={(next) => onChange({ unit: next })}
              options={unitOptions(organisation.data).map((unit) => ({
                value: unit.value,
                label: unit.open
                  ? unit.label
                  : t('register.filters.closedUnit', { name: unit.label }),
              }))}
              emptyLabel={t('register.filters.allUnits')}
            />
            <CheckboxInput
              name="includeSubunits"
              isSelected={filters.includeSubunits === true}
              onChange={(selected) => onChange({ includeSubunits: selected || undefined })}
            >
              {t('register.filters.includeSubunits')}
            </CheckboxInput>
          </div>
          <SelectInput
            label={t('register.filters.level')}
            name="level"
            value={value('level')}
            onChange={(next) => onChange({ level: next })}
            options={LEVELS.map((level) => ({ value: level, label: t(`common.levels.${level}`) }))}
            emptyLabel={t('register.filters.allLevels')}
          />
          <SelectInput
            label={t('register.filters.status')}
            name="status"
            value={value('status')}
            onChange={(next) => onChange({ status: next })}
            options={(['OPEN', 'CLOSED'] as const).map((status) => ({
              value: status,
              label: t(`common.riskStatuses.${status}`),
            }))}
            emptyLabel={t('register.filters.allStatuses')}
          />
          <div className="field">
            <label htmlFor="register-owner">{t('register.filters.owner')}</label>
            <input
              id="register-owner"
              name="owner"
              value={owner}
              onChange={(event) => setOwner(event.target.value)}
              onBlur={() => {
                if (owner.trim() !== value('owner')) onChange({ owner: owner.trim() });
              }}
            />
          </div>
          {tristate('needsReview')}
          {tristate('reviewOverdue')}
          {tristate('mitigationOverdue')}
        </div>
      </details>
    </form>
  );
}
