import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../../components/disclosure';
import { SelectInput, TextInput } from '../../components/fields';
import { Page, Section } from '../../components/page';
import { Refusal } from '../../components/refusal';
import { useOrganisation, type OrganisationalUnit } from '../../lib/reference-data';
import { unitOptions, type UnitOption } from '../../lib/units';
import { useUnitWrites } from './use-unit-writes';

const KINDS = ['REGION', 'ADMINISTRATION', 'COMPANY', 'DEPARTMENT', 'UNIT'] as const;

/**
 * Organisationen: the region's units as a tree (nested lists, so that the depth is heard as well
 * as seen); an administrator registers a unit, renames, moves (chooses a new parent) and closes one.
 */
export function OrganisationPage() {
  const { t } = useTranslation();
  const organisation = useOrganisation();
  const options = unitOptions(organisation.data);
  return (
    <Page title={t('organisation.title')}>
      <p className="muted">{t('organisation.intro')}</p>
      <Refusal error={organisation.error} />
      {organisation.data && organisation.data.length === 0 && <p>{t('organisation.empty')}</p>}
      <ul className="unit-tree" aria-label={t('organisation.treeLabel')}>
        {(organisation.data ?? []).map((unit) => (
          <UnitNode key={unit.code} unit={unit} options={options} />
        ))}
      </ul>
      <RegisterUnit options={options} />
    </Page>
  );
}

function UnitNode({ unit, options }: { unit: OrganisationalUnit; options: UnitOption[] }) {
  const { t } = useTranslation();
  const writes = useUnitWrites();
  const [name, setName] = useState(unit.name);
  const [parent, setParent] = useState('');
  const [reason, setReason] = useState('');
  const below = new Set(options.filter((o) => o.path.includes(unit.code)).map((o) => o.value));
  const parents = options.filter((o) => o.open && !below.has(o.value));
  const submit = (run: () => void) => (event: FormEvent) => {
    event.preventDefault();
    run();
  };
  return (
    <li>
      <div className="unit-node">
        <strong>{unit.name}</strong>{' '}
        <span className="muted">
          {unit.code} · {t(`organisation.kinds.${unit.kind}`)}
          {!unit.open && ` · ${t('organisation.closed')}`}
        </span>
        {unit.open && (
          <div className="unit-changes">
            <Disclosure summary={t('organisation.rename.title', { unit: unit.name })}>
              <form onSubmit={submit(() => writes.rename.mutate({ code: unit.code, name }))}>
                <TextInput
                  label={t('organisation.name')}
                  isRequired
                  value={name}
                  onChange={setName}
                />
                <Refusal error={writes.rename.error} />
                <button type="submit" className="button primary">
                  {t('organisation.rename.submit')}
                </button>
              </form>
            </Disclosure>
            {unit.kind !== 'REGION' && (
              <Disclosure summary={t('organisation.move.title', { unit: unit.name })}>
                <form
                  onSubmit={submit(() =>
                    writes.move.mutate({ code: unit.code, parentCode: parent }),
                  )}
                >
                  <SelectInput
                    label={t('organisation.move.parent')}
                    name={`parent-${unit.code}`}
                    value={parent}
                    onChange={setParent}
                    isRequired
                    emptyLabel={t('organisation.move.choose')}
                    options={parents}
                  />
                  <Refusal error={writes.move.error} />
                  <button type="submit" className="button primary">
                    {t('organisation.move.submit')}
                  </button>
                </form>
              </Disclosure>
            )}
            <Disclosure summary={t('organisation.close.title', { unit: unit.name })}>
              <form onSubmit={submit(() => writes.close.mutate({ code: unit.code, reason }))}>
                <TextInput
                  label={t('organisation.close.reason')}
                  isRequired
                  value={reason}
                  onChange={setReason}
                />
                <Refusal error={writes.close.error} />
                <button type="submit" className="button danger">
                  {t('organisation.close.submit')}
                </button>
              </form>
            </Disclosure>
          </div>
        )}
      </div>
      {unit.children.length > 0 && (
        <ul>
          {unit.children.map((child) => (
            <UnitNode key={child.code} unit={child} options={options} />
          ))}
        </ul>
      )}
    </li>
  );
}

function RegisterUnit({ options }: { options: UnitOption[] }) {
  const { t } = useTranslation();
  const writes = useUnitWrites();
  const empty = { code: '', name: '', kind: 'UNIT', parentCode: '' };
  const [draft, setDraft] = useState(empty);
  return (
    <Section title={t('organisation.register.title')} id="register-unit">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          writes.register.mutate(
            {
              code: draft.code,
              name: draft.name,
              kind: draft.kind as (typeof KINDS)[number],
              parentCode: draft.parentCode || undefined,
            },
            { onSuccess: () => setDraft(empty) },
          );
        }}
      >
        <div className="filters">
          <TextInput
            label={t('organisation.code')}
            isRequired
            value={draft.code}
            onChange={(code) => setDraft({ ...draft, code })}
          />
          <TextInput
            label={t('organisation.name')}
            isRequired
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
          />
          <SelectInput
            label={t('organisation.kind')}
            name="kind"
            value={draft.kind}
            onChange={(kind) => setDraft({ ...draft, kind })}
            options={KINDS.map((kind) => ({ value: kind, label: t(`organisation.kinds.${kind}`) }))}
          />
          <SelectInput
            label={t('organisation.register.parent')}
            name="parentCode"
            value={draft.parentCode}
            onChange={(parentCode) => setDraft({ ...draft, parentCode })}
            emptyLabel={t('organisation.register.noParent')}
            options={options.filter((o) => o.open)}
          />
        </div>
        <Refusal error={writes.register.error} />
        <p>
          <button type="submit" className="button primary" disabled={writes.register.isPending}>
            {t('organisation.register.submit')}
          </button>
        </p>
      </form>
    </Section>
  );
}
