import { useId, type ReactNode } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../../components/fields';
import { fieldErrors } from '../../../../components/refusal';
import { useDraft } from '../../../../lib/forms/drafts';
import { useFormat } from '../../../../lib/i18n/format';
import {
  useApplyMitigation,
  useCancelMitigation,
  useStartMitigation,
  useVerifyMitigation,
} from '../api/risk-writes';
import type { Mitigation, Risk } from '../api/use-risk';
import { text } from './values';
import { FormFooter } from './form-footer';
import { WriteRefusal } from './write-refusal';

/** The risk's mitigations with their state; `actions` adds what the reader may do to each. */
export function MitigationList({
  risk,
  actions,
}: {
  risk: Risk;
  actions?: (mitigation: Mitigation) => ReactNode;
}) {
  const { t } = useTranslation();
  if (risk.mitigations.length === 0) return <p>{t('risk.mitigations.none')}</p>;
  return (
    <ul className="mitigations">
      {risk.mitigations.map((mitigation) => (
        <li key={mitigation.mitigationId}>
          <MitigationCard mitigation={mitigation}>{actions?.(mitigation)}</MitigationCard>
        </li>
      ))}
    </ul>
  );
}

function MitigationCard({ mitigation, children }: { mitigation: Mitigation; children: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const facts: [string, string | undefined][] = [
    [t('risk.mitigations.kind'), t(`common.mitigationKinds.${mitigation.kind}`)],
    [
      t('risk.mitigations.dueDate'),
      text(mitigation.dueDate) && format.date(text(mitigation.dueDate)),
    ],
    [t('risk.mitigations.expectedEffect'), text(mitigation.expectedEffect)],
    [t('risk.mitigations.owner'), text(mitigation.owner)],
    [t('risk.mitigations.supplier'), text(mitigation.supplier)],
    [t('risk.mitigations.plannedAt'), format.dateTime(mitigation.plannedAt)],
    [
      t('risk.mitigations.startedAt'),
      text(mitigation.startedAt) && format.dateTime(text(mitigation.startedAt)),
    ],
    [
      t('risk.mitigations.appliedAt'),
      text(mitigation.appliedAt) && format.dateTime(text(mitigation.appliedAt)),
    ],
    [t('risk.mitigations.note'), text(mitigation.note)],
    [
      t('risk.mitigations.verifiedAt'),
      text(mitigation.verifiedAt) && format.dateTime(text(mitigation.verifiedAt)),
    ],
    [t('risk.mitigations.effect'), text(mitigation.effect)],
    [
      t('risk.mitigations.cancelledAt'),
      text(mitigation.cancelledAt) && format.dateTime(text(mitigation.cancelledAt)),
    ],
    [t('risk.mitigations.cancellationReason'), text(mitigation.cancellationReason)],
  ];
  return (
    <article className="mitigation" aria-labelledby={headingId}>
      <h3 id={headingId}>{mitigation.title}</h3>
      <p className="mitigation-status">
        {t('risk.mitigations.status')}:{' '}
        <strong className={`status status-${mitigation.status.toLowerCase()}`}>
          {t(`common.mitigationStatuses.${mitigation.status}`)}
        </strong>
      </p>
      <dl className="facts">
        {facts
          .filter((fact): fact is [string, string] => Boolean(fact[1]))
          .map(([label, value]) => (
            <div key={label} className="fact">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {children}
    </article>
  );
}

/** What may be done to a mitigation in its state: start, apply with a note, verify, cancel. */
export function MitigationActions({
  risk,
  mitigation,
  onReload,
}: {
  risk: Risk;
  mitigation: Mitigation;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const start = useStartMitigation(risk.riskId);
  const apply = useApplyMitigation(risk.riskId);
  const verify = useVerifyMitigation(risk.riskId);
  const cancel = useCancelMitigation(risk.riskId);
  const { status, mitigationId } = mitigation;
  const open = status === 'PLANNED' || status === 'IN_PROGRESS';
  const on = { version: risk.version, mitigationId };
  if (!open && status !== 'APPLIED') return null;
  return (
    <div className="mitigation-actions">
      {status === 'PLANNED' && (
        <div>
          <button
            type="button"
            className="button"
            disabled={start.isPending}
            onClick={() => start.mutate(on)}
          >
            {start.isPending ? t('common.saving') : t('risk.mitigations.start')}
          </button>
          <WriteRefusal
            error={start.error}
            onReload={() => {
              start.reset();
              onReload();
            }}
          />
        </div>
      )}
      {open && (
        <TextAction
          draftKey={`risk.${risk.riskId}.mitigation.${mitigationId}.apply`}
          action="apply"
          field="note"
          mutation={apply}
          send={(note, done) => apply.mutate({ ...on, note }, { onSuccess: done })}
          onReload={onReload}
        />
      )}
      {status === 'APPLIED' && (
        <TextAction
          draftKey={`risk.${risk.riskId}.mitigation.${mitigationId}.verify`}
          action="verify"
          field="effect"
          required
          mutation={verify}
          send={(effect, done) =>
            verify.mutate({ ...on, effect: effect ?? '' }, { onSuccess: done })
          }
          onReload={onReload}
        />
      )}
      {open && (
        <TextAction
          draftKey={`risk.${risk.riskId}.mitigation.${mitigationId}.cancel`}
          action="cancel"
          field="reason"
          required
          mutation={cancel}
          send={(reason, done) =>
            cancel.mutate({ ...on, reason: reason ?? '' }, { onSuccess: done })
          }
          onReload={onReload}
        />
      )}
    </div>
  );
}

/** One step that takes a text (a note, the effect seen, a reason), folded away until opened. */
export function TextAction({
  draftKey,
  action,
  field,
  required = false,
  mutation,
  send,
  onReload,
  group = 'mitigations',
}: {
  draftKey: string;
  action: string;
  field: string;
  required?: boolean;
  mutation: { error: unknown; isPending: boolean; reset: () => void };
  send: (value: string | undefined, done: () => void) => void;
  onReload: () => void;
  /** The translation group under risk.* holding `<action>.open|field|submit`. */
  group?: string;
}) {
  const { t } = useTranslation();
  const [draft, update, clear] = useDraft(draftKey, { value: '', open: false });
  return (
    <details
      className="action"
      open={draft.open || Boolean(mutation.error)}
      onToggle={(event) => update({ open: event.currentTarget.open })}
    >
      <summary>{t(`risk.${group}.${action}.open`)}</summary>
      <Form
        className="form"
        validationErrors={fieldErrors(mutation.error, (message) =>
          t('common.errors.field', { message }),
        )}
        onSubmit={(event) => {
          event.preventDefault();
          send(draft.value.trim() || undefined, clear);
        }}
      >
        <TextInput
          label={t(`risk.${group}.${action}.field`)}
          name={field}
          multiline
          isRequired={required}
          maxLength={2000}
          value={draft.value}
          onChange={(value) => update({ value })}
        />
        <FormFooter
          mutation={mutation}
          onReload={onReload}
          submit={t(`risk.${group}.${action}.submit`)}
          danger={action === 'cancel' || action === 'revoke' || action === 'close'}
        />
      </Form>
    </details>
  );
}
