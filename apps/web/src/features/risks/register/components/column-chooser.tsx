import { useTranslation } from 'react-i18next';
import { CheckboxInput } from '../../../../components/fields';
import { COLUMNS } from '../columns';

/** Which columns the table shows; the title always is. */
export function ColumnChooser({
  columns,
  onChange,
}: {
  columns: string[];
  onChange: (columns: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <details className="column-chooser disclosure">
      <summary>{t('register.columns.choose')}</summary>
      <fieldset>
        <legend>{t('register.columns.legend')}</legend>
        <div className="column-options">
          {COLUMNS.map((column) => (
            <CheckboxInput
              key={column.key}
              name="columns"
              isSelected={columns.includes(column.key)}
              onChange={(selected) =>
                onChange(
                  COLUMNS.map((c) => c.key).filter((key) =>
                    key === column.key ? selected : columns.includes(key),
                  ),
                )
              }
            >
              {t(`register.columns.${column.key}`)}
            </CheckboxInput>
          ))}
        </div>
      </fieldset>
    </details>
  );
}
