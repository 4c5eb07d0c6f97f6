import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('common.notFoundPage.title')}>
      <p>{t('common.notFoundPage.text')}</p>
      <p>
        <Link to="/">{t('common.notFoundPage.home')}</Link>
      </p>
    </Page>
  );
}
