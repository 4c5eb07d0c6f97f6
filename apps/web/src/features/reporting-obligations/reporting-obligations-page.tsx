import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../../components/disclosure';
import { TextInput } from '../../components/fields';
import { Page } from '../../components/page';
import { Refusal } from '../../components/refusal';
import { text } from '../../lib/api/nullable';
import { useObligations, useObligationWrites, type Obligation } from './use-obligation-writes';

/**
 * Rapporteringsskyldigheter: what the region must report to which authority, in which stages and
 * within how many hours of discovery; an administrator changes a stage's hours or retires one.
 */
export function ReportingObligationsPage() {
  const { t } = useTranslation();
  const obligations = useObligations();
  return (
    <Page title={t('reportingObligations.title')}>
      <p className="muted">{t('reportingObligations.intro')}</p>
      <Refusal error={obligations.error} />
      {obligations.isPending && <p role="status">{t('common.loading')}</p>}
      <ul className="area-list">
        {(obligations.data ?? []).map((obligation) => (
          <li key={obligation.code}>
            <ObligationCard obligation={obligation} />
          </li>
        ))}
      </ul>
    </Page>
  );
}

function ObligationCard({ obligation }: { obligation: Obligation }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const writes = useObligationWrites();
  const [hours, setHours] = useState(obligation.stages.map((s) => String(s.withinHours ?? '')));
  const [reason, setReason] = useState('');
  const headingId = `obligation-${obligation.code}`;
  const authority = t(`incidents.authorities.${obligation.authority}`);
  const appliesTo = [
    ...obligation.kinds.map((kind) => t(`common.incidentKinds.${kind}`)),
    ...(obligation.personalData ? [t('reportingObligations.personalData')] : []),
  ].join(', ');
  return (
    <article className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('reportingClock.authority', { authority, what: obligation[language] })}
      </h2>
      <p className="muted">
        {obligation.code} ·{' '}
        {t(obligation.builtIn ? 'reportingObligations.builtIn' : 'reportingObligations.own')}
        {obligation.retired &&
          ` · ${t('reportingObligations.retired', { reason: text(obligation.retiredReason) ?? '' })}`}
      </p>
      <p>{t('reportingObligations.appliesTo', { what: appliesTo })}</p>
      <ol>
        {obligation.stages.map((stage, i) => (
          <li key={i}>
            {stage[language]}:{' '}
            {stage.withinHours === null
              ? t('reportingClock.within.withoutDelay')
              : t('reportingClock.within.hours', { count: stage.withinHours })}
          </li>
        ))}
      </ol>
      <p className="muted">{t('reportingObligations.changedBy', { who: obligation.updatedBy })}</p>
      {!obligation.retired && (
        <>
          <Disclosure
            summary={t('reportingObligations.revise.title', { authority })}
            forceOpen={writes.revise.isError}
          >
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const { code, authority, sv, en, kinds, personalData, stages } = obligation;
                writes.revise.mutate({
                  code,
                  body: {
                    authority,
                    sv,
                    en,
                    kinds,
                    personalData,
                    stages: stages.map((stage, i) => ({
                      ...stage,
                      withinHours: hours[i].trim() === '' ? null : Number(hours[i]),
                    })),
                  },
                });
              }}
            >
              {obligation.stages.map((stage, i) => (
                <TextInput
                  key={i}
                  label={t('reportingObligations.revise.hours', { stage: stage[language] })}
                  description={t('reportingObligations.revise.hoursHint')}
                  inputMode="numeric"
                  value={hours[i]}
                  onChange={(value) => setHours(hours.map((h, j) => (j === i ? value : h)))}
                />
              ))}
              <Refusal error={writes.revise.error} />
              {writes.revise.isSuccess && (
                <p className="success">{t('reportingObligations.revise.done')}</p>
              )}
              <button type="submit" className="button primary" disabled={writes.revise.isPending}>
                {t('reportingObligations.revise.submit')}
              </button>
            </form>
          </Disclosure>
          <Disclosure summary={t('reportingObligations.retire.title', { authority })}>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                writes.retire.mutate({ code: obligation.code, reason: reason.trim() });
              }}
            >
              <TextInput
                label={t('reportingObligations.retire.reason')}
                isRequired
                value={reason}
                onChange={setReason}
              />
              <Refusal error={writes.retire.error} />
              <button type="submit" className="button danger" disabled={writes.retire.isPending}>
                {t('reportingObligations.retire.submit')}
              </button>
            </form>
          </Disclosure>
        </>
      )}
    </article>
  );
}
