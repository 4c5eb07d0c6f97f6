import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayRange } from '../../../components/day-range';
import { CheckboxInput, SelectInput } from '../../../components/fields';
import { useOrganisation, useAreaOptions } from '../../../lib/reference-data';
import { unitOptions } from '../../../lib/units';
import { KINDS, STATUSES, type IncidentFilter } from './incident-search';

/**
 * The list's filters. A choice applies at once; the free text when the search is sent. All of it
 * lives in the URL, so that the view can be shared and reloaded.
 */
export function IncidentFilters({
  filter,
  onChange,
}: {
  filter: IncidentFilter;
  onChange: (next: Partial<IncidentFilter>) => void;
}) {
  const { t } = useTranslation();
  const areaChoices = useAreaOptions();
  const organisation = useOrganisation();
  const units = unitOptions(organisation.data);
  const [q, setQ] = useState(filter.q);
  useEffect(() => setQ(filter.q), [filter.q]);
  return (
    <form
      role="search"
      aria-label={t('incidents.filters.label')}
      className="section"
      onSubmit={(event) => {
        event.preventDefault();
        onChange({ q });
      }}
    >
      <h2 className="visually-hidden">{t('incidents.filters.label')}</h2>
      <div className="search-row">
        <div className="field">
          <label htmlFor="filter-q">{t('incidents.filters.q')}</label>
          <input
            id="filter-q"
            type="search"
            value={q}
            onChange={(event) => setQ(event.target.value)}
          />
        </div>
        <button type="submit" className="button primary">
          {t('incidents.filters.search')}
        </button>
      </div>
      <div className="filters">
        <SelectInput
          label={t('incidents.fields.kind')}
          name="kind"
          value={filter.kind}
          onChange={(kind) => onChange({ kind })}
          emptyLabel={t('incidents.filters.allKinds')}
          options={KINDS.map((kind) => ({ value: kind, label: t(`common.incidentKinds.${kind}`) }))}
        />
        <SelectInput
          label={t('incidents.fields.status')}
          name="status"
          value={filter.status}
          onChange={(status) => onChange({ status })}
          emptyLabel={t('incidents.filters.allStatuses')}
          options={STATUSES.map((status) => ({
            value: status,
            label: t(`common.incidentStatuses.${status}`),
          }))}
        />
        <SelectInput
          label={t('incidents.fields.area')}
          name="area"
          value={filter.area}
          onChange={(area) => onChange({ area })}
          emptyLabel={t('incidents.filters.allAreas')}
          options={areaChoices}
        />
        <SelectInput
          label={t('incidents.fields.unit')}
          name="unit"
          value={filter.unit}
          onChange={(unit) => onChange({ unit })}
          emptyLabel={t('incidents.filters.allUnits')}
          options={units}
        />
        <SelectInput
          label={t('incidents.filters.minSeverity')}
          name="minSeverity"
          value={filter.minSeverity}
          onChange={(minSeverity) => onChange({ minSeverity })}
          emptyLabel={t('incidents.filters.anySeverity')}
          options={['1', '2', '3', '4', '5'].map((severity) => ({
            value: severity,
            label: t(`incidents.severity.${severity}`),
          }))}
        />
        <DayRange
          idPrefix="filter"
          from={filter.from}
          to={filter.to}
          labels={{ from: t('incidents.filters.from'), to: t('incidents.filters.to') }}
          onChange={onChange}
        />
      </div>
      <div className="filters-actions">
        {filter.unit && (
          <CheckboxInput
            isSelected={filter.subunits}
            onChange={(subunits) => onChange({ subunits })}
          >
            {t('incidents.filters.subunits')}
          </CheckboxInput>
        )}
        <CheckboxInput isSelected={filter.open} onChange={(open) => onChange({ open })}>
          {t('incidents.filters.open')}
        </CheckboxInput>
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange({
              kind: '',
              status: '',
              area: '',
              unit: '',
              subunits: false,
              minSeverity: '',
              from: '',
              to: '',
              q: '',
              open: false,
            })
          }
        >
          {t('incidents.filters.clear')}
        </button>
      </div>
    </form>
  );
}
