import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeForm } from '../../../components/change-form';
import { SelectInput } from '../../../components/fields';
import { useAssessPersonalData } from '../api/use-incident-changes';
import type { Incident } from '../api/use-incidents';
import { personalDataWord } from './incident-facts';

/** Whether personal data was affected, said or corrected after the report (IMY: 72 hours). */
export function PersonalDataForm({
  incident,
  onReload,
}: {
  incident: Incident;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState(personalDataWord(incident.personalDataAffected));
  const assess = useAssessPersonalData(incident.incidentId);
  return (
    <ChangeForm
      legend={t('incidents.personalData.change')}
      submit={t('incidents.personalData.submit')}
      error={assess.error}
      pending={assess.isPending}
      done={assess.isSuccess ? t('incidents.personalData.done') : undefined}
      onReload={onReload}
      onSubmit={() =>
        assess.mutate({
          version: incident.version,
          body: { personalDataAffected: answer === 'yes' },
        })
      }
    >
      {(errors) => (
        <SelectInput
          label={t('incidents.personalData.label')}
          description={t('incidents.personalData.help')}
          name="personalDataAffected"
          isRequired
          value={answer === 'unknown' ? '' : answer}
          onChange={setAnswer}
          emptyLabel={t('incidents.personalData.choose')}
          errorMessage={errors.personalDataAffected}
          options={['yes', 'no'].map((value) => ({
            value,
            label: t(`incidents.personalData.${value}`),
          }))}
        />
      )}
    </ChangeForm>
  );
}
