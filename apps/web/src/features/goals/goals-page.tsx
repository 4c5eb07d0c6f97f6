import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

export function GoalsPage() {
  const { t } = useTranslation();
  return <Page title={t('common.nav.goals')}>{null}</Page>;
}
