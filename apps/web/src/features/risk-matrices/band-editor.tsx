import { useTranslation } from 'react-i18next';
import { CheckboxInput, NumberInput } from '../../components/fields';
import type { LevelBand } from './use-risk-matrices';

/** The roles that hold the API's risks.accept: only they can ever be given a mandate. */
const ACCEPTING_ROLES = ['RISK_OWNER', 'AREA_RESPONSIBLE', 'SECURITY_COORDINATOR'] as const;

/**
 * One band of a new version: the highest risk value it covers (the last band always ends at 25),
 * who may accept a risk at its level and for how long. Names follow the API's fields
 * (bands.1.maxScore), so that its 400 shows beside the field it names.
 */
export function BandEditor({
  band,
  index,
  last,
  onChange,
}: {
  band: LevelBand;
  index: number;
  last: boolean;
  onChange: (band: LevelBand) => void;
}) {
  const { t } = useTranslation();
  const level = t(`common.levels.${band.level}`);
  const at = `bands.${index}`;
  const toggle = (role: (typeof ACCEPTING_ROLES)[number], selected: boolean) =>
    onChange({
      ...band,
      acceptableBy: selected
        ? [...band.acceptableBy, role]
        : band.acceptableBy.filter((held) => held !== role),
    });
  return (
    <fieldset className="band-editor">
      <legend>{level}</legend>
      {last ? (
        <p>{t('riskMatrices.editor.lastBand', { level })}</p>
      ) : (
        <NumberInput
          label={t('riskMatrices.editor.maxScore', { level })}
          description={t('riskMatrices.editor.maxScoreHint')}
          name={`${at}.maxScore`}
          value={band.maxScore}
          onChange={(maxScore) => onChange({ ...band, maxScore: maxScore ?? 0 })}
          minValue={1}
          maxValue={24}
          isRequired
        />
      )}
      <fieldset className="checkbox-group">
        <legend>{t('riskMatrices.editor.acceptableBy', { level })}</legend>
        {ACCEPTING_ROLES.map((role) => (
          <CheckboxInput
            key={role}
            name={`${at}.acceptableBy`}
            isSelected={band.acceptableBy.includes(role)}
            onChange={(selected) => toggle(role, selected)}
          >
            {t(`common.roles.${role}`)}
          </CheckboxInput>
        ))}
      </fieldset>
      <NumberInput
        label={t('riskMatrices.editor.maxAcceptanceDays', { level })}
        description={t('riskMatrices.editor.maxAcceptanceDaysHint')}
        name={`${at}.maxAcceptanceDays`}
        value={band.maxAcceptanceDays}
        onChange={(days) => onChange({ ...band, maxAcceptanceDays: days ?? 0 })}
        minValue={0}
        maxValue={3650}
        isRequired
      />
    </fieldset>
  );
}
