import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../lib/i18n/format';
import { PAGE_SIZES } from '../register-search';

/** Server-side paging: where this page sits in the whole, and the way to the next. */
export function Pager({
  total,
  limit,
  offset,
  onPage,
  onLimit,
}: {
  total: number;
  limit: number;
  offset: number;
  onPage: (offset: number) => void;
  onLimit: (limit: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav className="pager" aria-label={t('register.pager.label')}>
      <button
        type="button"
        className="button"
        disabled={offset === 0}
        onClick={() => onPage(Math.max(0, offset - limit))}
      >
        {t('register.pager.previous')}
      </button>
      <span>
        {t('register.pager.page', { page: format.number(page), pages: format.number(pages) })}
      </span>
      <button
        type="button"
        className="button"
        disabled={offset + limit >= total}
        onClick={() => onPage(offset + limit)}
      >
        {t('register.pager.next')}
      </button>
      <div className="field pager-size">
        <label htmlFor="register-limit">{t('register.pager.size')}</label>
        <select
          id="register-limit"
          value={limit}
          onChange={(event) => onLimit(Number(event.target.value))}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {format.number(size)}
            </option>
          ))}
        </select>
      </div>
    </nav>
  );
}
