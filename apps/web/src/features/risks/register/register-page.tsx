import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/page';

export function RiskRegisterPage() {
  const { t } = useTranslation();
  return <Page title={t('common.nav.register')}>{null}</Page>;
}
