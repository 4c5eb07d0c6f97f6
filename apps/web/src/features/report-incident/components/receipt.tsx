import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/i18n/format';

export interface ReceiptOf {
  id: string;
  at: Date;
  kind: string;
}

/** Authorities a kind of report must reach (as the API's outwardReportsRequired says). */
const AUTHORITY_BY_KIND: Record<string, string | undefined> = {
  SERIOUS_NEAR_MISS: 'ARBETSMILJOVERKET',
  CARE_INJURY: 'IVO',
  IT_INCIDENT: 'MSB',
};

/** The receipt of a sent report: it is registered, under which id, and what happens next. */
export function Receipt({ receipt, onAnother }: { receipt: ReceiptOf; onAnother: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [receipt.id]);
  const authority = AUTHORITY_BY_KIND[receipt.kind];
  return (
    <section className="success receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" ref={heading} tabIndex={-1}>
        {t('reportIncident.receipt.title')}
      </h2>
      <dl className="facts">
        <dt>{t('reportIncident.receipt.id')}</dt>
        <dd>
          <code>{receipt.id}</code>
        </dd>
        <dt>{t('reportIncident.receipt.at')}</dt>
        <dd>{format.dateTime(receipt.at)}</dd>
      </dl>
      <p>{t('reportIncident.receipt.next')}</p>
      {authority && (
        <p>
          {t('reportIncident.receipt.authority', {
            authority: t(`reportIncident.authorities.${authority}`),
          })}
        </p>
      )}
      <p>{t('reportIncident.receipt.follow')}</p>
      <button type="button" className="button" onClick={onAnother}>
        {t('reportIncident.receipt.another')}
      </button>
    </section>
  );
}
