import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/page';

export function RiskHistoryPage() {
  const { t } = useTranslation();
  return <Page title={t('common.nav.register')}>{null}</Page>;
}
