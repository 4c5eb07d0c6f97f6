import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Refusal } from '../../../components/refusal';
import { useFormat } from '../../../lib/i18n/format';

/**
 * One kind of work: how much there is, the first of it as links to where it is done, and a link
 * to all of it in its list.
 */
export function WorkList<T>({
  id,
  title,
  query,
  empty,
  all,
  item,
}: {
  id: string;
  title: string;
  query: { data?: { total: number; items: T[] }; error: unknown; isPending: boolean };
  empty: string;
  all: ReactNode;
  item: (entry: T) => { key: string; link: ReactNode; detail: ReactNode };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = query.data?.total ?? 0;
  return (
    <section className="section work-list" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title} <span className="count">({format.number(total)})</span>
      </h2>
      <Refusal error={query.error} />
      {query.isPending && <p role="status">{t('common.loading')}</p>}
      {query.data &&
        (total === 0 ? (
          <p className="muted">{empty}</p>
        ) : (
          <>
            <ul className="attention">
              {query.data.items.map((entry) => {
                const { key, link, detail } = item(entry);
                return (
                  <li key={key}>
                    {link}
                    <span>{detail}</span>
                  </li>
                );
              })}
            </ul>
            {total > query.data.items.length && <p>{all}</p>}
          </>
        ))}
    </section>
  );
}

export function RiskLink({ riskId, title }: { riskId: string; title: string }) {
  return (
    <Link to="/risker/$riskId" params={{ riskId }}>
      {title}
    </Link>
  );
}
