import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

export function DashboardPage() {
  const { t } = useTranslation();
  return <Page title={t('common.nav.overview')}>{null}</Page>;
}
