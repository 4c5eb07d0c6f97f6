import { useTranslation } from 'react-i18next';
import { useCloseRisk, useReopenRisk } from '../api/risk-writes';
import type { Risk } from '../api/use-risk';
import { TextAction } from './mitigations';

/** Close a risk that no longer applies, or reopen it; both with a reason. */
export function Closure({ risk, onReload }: { risk: Risk; onReload: () => void }) {
  const { t } = useTranslation();
  const close = useCloseRisk(risk.riskId);
  const reopen = useReopenRisk(risk.riskId);
  const closing = risk.status === 'OPEN';
  const mutation = closing ? close : reopen;
  return (
    <>
      <p>{closing ? t('risk.closure.openText') : t('risk.closure.closedText')}</p>
      <TextAction
        key={risk.status}
        draftKey={`risk.${risk.riskId}.${closing ? 'close' : 'reopen'}`}
        group="closure"
        action={closing ? 'close' : 'reopen'}
        field="reason"
        required
        mutation={mutation}
        send={(reason, done) =>
          mutation.mutate({ version: risk.version, reason: reason ?? '' }, { onSuccess: done })
        }
        onReload={onReload}
      />
    </>
  );
}
