import { useTranslation } from 'react-i18next';
import { useAreaName } from '../../../../lib/reference-data';
import { useFormat } from '../../../../lib/i18n/format';
import type { RegisterView } from '../register-search';

interface Chip {
  id: string;
  label: string;
  /** The URL keys removing the chip clears. */
  keys: string[];
}

/**
 * Every filter in force, in words, each removable: also those a dashboard link set that the form
 * has no field for (a heat-map cell, a review or lapse date).
 */
export function FilterChips({
  view,
  unitName,
  onRemove,
  onClear,
}: {
  view: RegisterView;
  unitName: (code: string) => string;
  onRemove: (keys: string[]) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const areaName = useAreaName();
  const f = view.filters;
  const yesNo = (value: string | boolean) => t(value === true ? 'common.yes' : 'common.no');
  const chips: Chip[] = [];
  const add = (id: string, label: string, keys = [id]) => chips.push({ id, label, keys });
  if (f.q !== undefined) add('q', t('register.chips.q', { text: f.q }));
  if (f.area !== undefined)
    add('area', t('register.chips.area', { name: areaName(String(f.area)) }));
  if (f.unit !== undefined)
    add(
      'unit',
      t(f.includeSubunits ? 'register.chips.unitWithSubunits' : 'register.chips.unit', {
        name: unitName(String(f.unit)),
      }),
      ['unit', 'includeSubunits'],
    );
  if (f.level !== undefined)
    add('level', t('register.chips.level', { level: t(`common.levels.${String(f.level)}`) }));
  if (f.status !== undefined)
    add(
      'status',
      t('register.chips.status', { status: t(`common.riskStatuses.${String(f.status)}`) }),
    );
  if (f.owner !== undefined) add('owner', t('register.chips.owner', { owner: f.owner }));
  for (const key of ['needsReview', 'reviewOverdue', 'mitigationOverdue'] as const) {
    if (f[key] !== undefined) add(key, t(`register.chips.${key}`, { answer: yesNo(f[key]) }));
  }
  if (f.basis !== undefined || f.likelihood !== undefined || f.consequence !== undefined)
    add(
      'cell',
      t('register.chips.cell', {
        basis: t(`common.bases.${String(f.basis ?? 'CURRENT')}`, {
          defaultValue: String(f.basis),
        }),
        likelihood: f.likelihood ?? '–',
        consequence: f.consequence ?? '–',
      }),
      ['basis', 'likelihood', 'consequence'],
    );
  if (f.reviewDueBefore !== undefined)
    add(
      'reviewDueBefore',
      t('register.chips.reviewDueBefore', { date: format.date(String(f.reviewDueBefore)) }),
    );
  if (f.acceptanceLapsesBefore !== undefined)
    add(
      'acceptanceLapsesBefore',
      t('register.chips.acceptanceLapsesBefore', {
        date: format.date(String(f.acceptanceLapsesBefore)),
      }),
    );
  if (chips.length === 0) return null;
  return (
    <div className="chips">
      <h2 className="visually-hidden" id="register-chips-title">
        {t('register.chips.title')}
      </h2>
      <ul aria-labelledby="register-chips-title">
        {chips.map((chip) => (
          <li key={chip.id} className="chip">
            <span>{chip.label}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={t('register.chips.remove', { filter: chip.label })}
              onClick={() => onRemove(chip.keys)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      {chips.length > 1 && (
        <button type="button" className="link-button" onClick={onClear}>
          {t('register.chips.clear')}
        </button>
      )}
    </div>
  );
}
