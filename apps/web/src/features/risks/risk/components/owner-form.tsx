import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../../components/fields';
import { fieldErrors } from '../../../../components/refusal';
import { useDraft } from '../../../../lib/forms/drafts';
import { useAssignOwner } from '../api/risk-writes';
import type { Risk } from '../api/use-risk';
import { FormFooter } from './form-footer';

export function OwnerForm({ risk, onReload }: { risk: Risk; onReload: () => void }) {
  const { t } = useTranslation();
  const assign = useAssignOwner(risk.riskId);
  const [draft, update, clear] = useDraft(`risk.${risk.riskId}.owner`, { owner: '' });
  return (
    <Form
      className="form"
      aria-label={t('risk.owner.title')}
      validationErrors={fieldErrors(assign.error, (message) =>
        t('common.errors.field', { message }),
      )}
      onSubmit={(event) => {
        event.preventDefault();
        assign.mutate(
          { version: risk.version, owner: draft.owner.trim() },
          { onSuccess: () => clear() },
        );
      }}
    >
      <TextInput
        label={t('risk.owner.field')}
        description={t('risk.owner.help')}
        name="owner"
        isRequired
        maxLength={200}
        value={draft.owner}
        onChange={(owner) => update({ owner })}
      />
      <FormFooter mutation={assign} onReload={onReload} submit={t('risk.owner.submit')} />
    </Form>
  );
}
