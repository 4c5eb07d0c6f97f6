import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectInput } from '../../components/fields';
import { Page, Section } from '../../components/page';
import { Refusal } from '../../components/refusal';
import { useImport, useImportTemplate, type ImportKind } from './api/use-import';
import { ImportReportView } from './components/import-report';
import './import.css';

/**
 * Import risks or the organisational tree from a spreadsheet: download the template, choose the
 * file, see the dry run's report, and only then import (all rows or none).
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('risks');
  const [file, setFile] = useState<File | null>(null);
  const template = useImportTemplate(kind);
  const check = useImport(kind);
  const run = useImport(kind);
  const checked = check.data && check.variables?.file === file ? check.data : undefined;
  const importable = checked !== undefined && checked.problems.length === 0 && checked.created > 0;

  const choose = (next: { kind?: ImportKind; file?: File | null }) => {
    if (next.kind) setKind(next.kind);
    if (next.file !== undefined) setFile(next.file);
    check.reset();
    run.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) check.mutate({ file, dryRun: true });
  };

  return (
    <Page title={t('import.title')}>
      <p>{t('import.intro')}</p>
      <SelectInput
        label={t('import.kind.label')}
        name="import-kind"
        value={kind}
        onChange={(next) => choose({ kind: next as ImportKind })}
        options={[
          { value: 'risks', label: t('import.kind.risks') },
          { value: 'units', label: t('import.kind.units') },
        ]}
      />
      <Section title={t('import.template.title')} id="import-template">
        <p>{t('import.template.text')}</p>
        <div className="import-actions">
          <button type="button" className="button" onClick={() => template.mutate('xlsx')}>
            {t('import.template.xlsx')}
          </button>
          <button type="button" className="button" onClick={() => template.mutate('csv')}>
            {t('import.template.csv')}
          </button>
        </div>
        <Refusal error={template.error} />
      </Section>
      <Section title={t('import.file.title')} id="import-file">
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="import-file-input">{t('import.file.label')}</label>
            <input
              id="import-file-input"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="import-file-description"
              onChange={(event) => choose({ file: event.target.files?.[0] ?? null })}
            />
            <span id="import-file-description" className="field-description">
              {t('import.file.description')}
            </span>
          </div>
          <button type="submit" className="button" disabled={!file || check.isPending}>
            {check.isPending ? t('import.file.checking') : t('import.file.check')}
          </button>
        </form>
        <Refusal error={check.error} />
        {checked && <ImportReportView report={checked} />}
        {importable && !run.data && (
          <button
            type="button"
            className="button primary"
            disabled={run.isPending}
            onClick={() => file && run.mutate({ file, dryRun: false })}
          >
            {run.isPending
              ? t('import.file.importing')
              : t('import.file.import', { count: checked.created })}
          </button>
        )}
        <Refusal error={run.error} />
        {run.data && <ImportReportView report={run.data} />}
      </Section>
    </Page>
  );
}
