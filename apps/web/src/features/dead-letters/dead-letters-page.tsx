import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../../components/disclosure';
import { CheckboxInput } from '../../components/fields';
import { Page } from '../../components/page';
import { Refusal } from '../../components/refusal';
import { text } from '../../lib/api/nullable';
import { useFormat } from '../../lib/i18n/format';
import { useDeadLetters, useRedrive, type DeadLetter } from './use-dead-letters';

/**
 * Avvisade meddelanden (dead letters): what the read models' consumers set aside and why, each
 * with its message as it came, and a re-drive that records who sent it back and when.
 */
export function DeadLettersPage() {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const letters = useDeadLetters(all);
  const redrive = useRedrive();
  return (
    <Page title={t('deadLetters.title')}>
      <p className="muted">{t('deadLetters.intro')}</p>
      <CheckboxInput isSelected={all} onChange={setAll}>
        {t('deadLetters.showAll')}
      </CheckboxInput>
      <Refusal error={letters.error ?? redrive.error} />
      {letters.isPending && <p>{t('common.loading')}</p>}
      {letters.data && letters.data.length === 0 && (
        <p className="success">{t(all ? 'deadLetters.noneAtAll' : 'deadLetters.none')}</p>
      )}
      {letters.data?.map((letter) => (
        <Letter
          key={letter.id}
          letter={letter}
          busy={redrive.isPending}
          onRedrive={() => redrive.mutate(letter.id)}
        />
      ))}
    </Page>
  );
}

function Letter({
  letter,
  busy,
  onRedrive,
}: {
  letter: DeadLetter;
  busy: boolean;
  onRedrive: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `letter-${letter.id}`;
  const by = text(letter.lastRedrivenBy);
  const at = text(letter.lastRedrivenAt);
  return (
    <article className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`deadLetters.reasons.${letter.reason}`)}</h2>
      <dl className="facts">
        <div>
          <dt>{t('deadLetters.fields.at')}</dt>
          <dd>{format.dateTime(letter.deadLetteredAt)}</dd>
        </div>
        <div>
          <dt>{t('deadLetters.fields.detail')}</dt>
          <dd>{letter.detail}</dd>
        </div>
        <div>
          <dt>{t('deadLetters.fields.source')}</dt>
          <dd>
            {t('deadLetters.sourceValue', {
              topic: letter.topic,
              partition: letter.partition,
              offset: letter.offset,
              group: letter.consumerGroup,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('deadLetters.fields.redriven')}</dt>
          <dd>
            {letter.redriveCount === 0
              ? t('deadLetters.never')
              : t('deadLetters.redrivenValue', {
                  count: letter.redriveCount,
                  by: by ?? '–',
                  at: at ? format.dateTime(at) : '–',
                })}
          </dd>
        </div>
      </dl>
      <Disclosure summary={t('deadLetters.message')}>
        <pre className="json" tabIndex={0} aria-label={t('deadLetters.message')}>
          {JSON.stringify(
            { key: text(letter.key) ?? null, headers: letter.headers, value: text(letter.value) },
            null,
            2,
          )}
        </pre>
      </Disclosure>
      <p>
        <button type="button" className="button" disabled={busy} onClick={onRedrive}>
          {t('deadLetters.redrive')}
        </button>
      </p>
    </article>
  );
}
