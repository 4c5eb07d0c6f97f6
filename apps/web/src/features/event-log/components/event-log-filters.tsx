import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayRange } from '../../../components/day-range';
import { CheckboxInput, SelectInput } from '../../../components/fields';
import { useOrganisation, useAreaOptions } from '../../../lib/reference-data';
import { unitOptions } from '../../../lib/units';
import { EVENT_TYPES, NO_FILTER, type EventLogFilter } from '../event-log-search';

const TYPED = ['actor', 'streamId', 'correlationId'] as const;
type Typed = Pick<EventLogFilter, (typeof TYPED)[number]>;

/**
 * What an investigator searches by. A choice applies at once; what is typed (who, which record,
 * which flow) when the search is sent. All of it lives in the URL, to share or reload.
 */
export function EventLogFilters({
  filter,
  onChange,
}: {
  filter: EventLogFilter;
  onChange: (next: Partial<EventLogFilter>) => void;
}) {
  const { t } = useTranslation();
  const areaChoices = useAreaOptions();
  const organisation = useOrganisation();
  const [typed, setTyped] = useState<Typed>(filter);
  useEffect(
    () =>
      setTyped({
        actor: filter.actor,
        streamId: filter.streamId,
        correlationId: filter.correlationId,
      }),
    [filter.actor, filter.streamId, filter.correlationId],
  );
  return (
    <form
      role="search"
      aria-label={t('eventLog.filters.label')}
      className="section"
      onSubmit={(event) => {
        event.preventDefault();
        onChange(typed);
      }}
    >
      <h2 className="visually-hidden">{t('eventLog.filters.label')}</h2>
      <div className="filters">
        {TYPED.map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`log-${key}`}>{t(`eventLog.filters.${key}`)}</label>
            <input
              id={`log-${key}`}
              type="search"
              value={typed[key]}
              aria-describedby={`log-${key}-hint`}
              onChange={(event) => setTyped({ ...typed, [key]: event.target.value })}
            />
            <span id={`log-${key}-hint`} className="muted">
              {t(`eventLog.filters.${key}Hint`)}
            </span>
          </div>
        ))}
      </div>
      <div className="filters">
        <SelectInput
          label={t('eventLog.fields.eventType')}
          name="eventType"
          value={filter.eventType}
          onChange={(eventType) => onChange({ eventType })}
          emptyLabel={t('eventLog.filters.allTypes')}
          options={EVENT_TYPES.map((type) => ({
            value: type,
            label: t(`common.eventTypes.${type}`),
          }))}
        />
        <SelectInput
          label={t('eventLog.fields.area')}
          name="area"
          value={filter.area}
          onChange={(area) => onChange({ area })}
          emptyLabel={t('eventLog.filters.allAreas')}
          options={areaChoices}
        />
        <SelectInput
          label={t('eventLog.fields.unit')}
          name="unit"
          value={filter.unit}
          onChange={(unit) => onChange({ unit })}
          emptyLabel={t('eventLog.filters.allUnits')}
          options={unitOptions(organisation.data)}
        />
        <DayRange
          idPrefix="log"
          from={filter.from}
          to={filter.to}
          labels={{ from: t('eventLog.filters.from'), to: t('eventLog.filters.to') }}
          onChange={onChange}
        />
      </div>
      <div className="filters-actions">
        {filter.unit && (
          <CheckboxInput
            isSelected={filter.subunits}
            onChange={(subunits) => onChange({ subunits })}
          >
            {t('eventLog.filters.subunits')}
          </CheckboxInput>
        )}
        <button type="submit" className="button primary">
          {t('eventLog.filters.search')}
        </button>
        <button type="button" className="button" onClick={() => onChange(NO_FILTER)}>
          {t('eventLog.filters.clear')}
        </button>
      </div>
    </form>
  );
}
