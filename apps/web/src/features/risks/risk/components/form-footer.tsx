import { useTranslation } from 'react-i18next';
import { WriteRefusal } from './write-refusal';

/** The end of every write form on the risk page: its refusal in words (with reload), then send. */
export function FormFooter({
  mutation,
  onReload,
  submit,
  danger = false,
  disabled = false,
}: {
  mutation: { error: unknown; isPending: boolean; reset: () => void };
  onReload: () => void;
  submit: string;
  danger?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <WriteRefusal
        error={mutation.error}
        onReload={() => {
          mutation.reset();
          onReload();
        }}
      />
      <div>
        <button
          type="submit"
          className={`button ${danger ? 'danger' : 'primary'}`}
          disabled={mutation.isPending || disabled}
        >
          {mutation.isPending ? t('common.saving') : submit}
        </button>
      </div>
    </>
  );
}
