import { Trans, useTranslation } from 'react-i18next';

/** The MSB sentence as the risk will read: "På grund av …, inträffar …, vilket leder till …". */
export function ScenarioPreview({
  cause,
  event,
  consequence,
}: {
  cause: string;
  event: string;
  consequence: string;
}) {
  const { t } = useTranslation();
  const part = (text: string) => text.trim() || '…';
  return (
    <div className="scenario-preview">
      <p className="scenario-preview-title">{t('register.identifyForm.scenario.preview')}</p>
      <p>
        <Trans
          i18nKey="register.identifyForm.scenario.sentence"
          values={{ cause: part(cause), event: part(event), consequence: part(consequence) }}
          components={{ b: <strong /> }}
        />
      </p>
    </div>
  );
}
