import { useTranslation } from 'react-i18next';
import { Page, Section } from '../../components/page';

/** Tillgänglighetsredogörelse, as the law on accessible digital public services (DOS-lagen) requires. */
export function AccessibilityStatementPage() {
  const { t } = useTranslation();
  const paragraphs = (key: string) =>
    (t(key, { returnObjects: true }) as string[]).map((text) => <p key={text}>{text}</p>);
  return (
    <Page title={t('accessibility.title')}>
      {paragraphs('accessibility.intro')}
      <Section title={t('accessibility.status.title')}>
        {paragraphs('accessibility.status.text')}
      </Section>
      <Section title={t('accessibility.known.title')}>
        <ul>
          {(t('accessibility.known.items', { returnObjects: true }) as string[]).map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </Section>
      <Section title={t('accessibility.how.title')}>{paragraphs('accessibility.how.text')}</Section>
      <Section title={t('accessibility.feedback.title')}>
        {paragraphs('accessibility.feedback.text')}
      </Section>
      <Section title={t('accessibility.enforcement.title')}>
        {paragraphs('accessibility.enforcement.text')}
      </Section>
    </Page>
  );
}
