import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

export function ReportIncidentPage() {
  const { t } = useTranslation();
  return <Page title={t('common.nav.report')}>{null}</Page>;
}
