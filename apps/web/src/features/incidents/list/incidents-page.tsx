import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/page';

export function IncidentsPage() {
  const { t } = useTranslation();
  return <Page title={t('common.nav.incidents')}>{null}</Page>;
}
