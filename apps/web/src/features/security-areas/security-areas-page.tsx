import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../../components/disclosure';
import { TextInput } from '../../components/fields';
import { Page, Section } from '../../components/page';
import { Refusal } from '../../components/refusal';
import { text } from '../../lib/api/nullable';
import { useAreaName, useSecurityAreas } from '../../lib/reference-data';
import { useAreaWrites } from './use-area-writes';

/**
 * Säkerhetsområden: the 14 built in and the region's own, each with its responsible; an
 * administrator adds one, assigns the responsible and retires one the region no longer uses.
 */
export function SecurityAreasPage() {
  const { t } = useTranslation();
  const areas = useSecurityAreas();
  const areaName = useAreaName();
  const writes = useAreaWrites();
  const [draft, setDraft] = useState({ code: '', sv: '', en: '', responsible: '' });
  const add = (event: FormEvent) => {
    event.preventDefault();
    writes.register.mutate(
      { ...draft, responsible: draft.responsible || undefined },
      { onSuccess: () => setDraft({ code: '', sv: '', en: '', responsible: '' }) },
    );
  };
  return (
    <Page title={t('securityAreas.title')}>
      <p className="muted">{t('securityAreas.intro')}</p>
      <Refusal error={areas.error} />
      <ul className="area-list">
        {(areas.data ?? []).map((area) => (
          <li key={area.code}>
            <Area
              code={area.code}
              name={areaName(area.code)}
              responsible={text(area.responsible)}
              retired={area.retired}
              retiredReason={text(area.retiredReason)}
              builtIn={area.builtIn}
            />
          </li>
        ))}
      </ul>
      <Section title={t('securityAreas.add.title')} id="add">
        <form onSubmit={add}>
          <div className="filters">
            <TextInput
              label={t('securityAreas.add.code')}
              description={t('securityAreas.add.codeHint')}
              isRequired
              value={draft.code}
              onChange={(code) => setDraft({ ...draft, code })}
            />
            <TextInput
              label={t('securityAreas.add.sv')}
              isRequired
              value={draft.sv}
              onChange={(sv) => setDraft({ ...draft, sv })}
            />
            <TextInput
              label={t('securityAreas.add.en')}
              isRequired
              value={draft.en}
              onChange={(en) => setDraft({ ...draft, en })}
            />
            <TextInput
              label={t('securityAreas.responsible')}
              value={draft.responsible}
              onChange={(responsible) => setDraft({ ...draft, responsible })}
            />
          </div>
          <Refusal error={writes.register.error} />
          <p>
            <button type="submit" className="button primary" disabled={writes.register.isPending}>
              {t('securityAreas.add.submit')}
            </button>
          </p>
        </form>
      </Section>
    </Page>
  );
}

function Area({
  code,
  name,
  responsible,
  retired,
  retiredReason,
  builtIn,
}: {
  code: string;
  name: string;
  responsible: string | undefined;
  retired: boolean;
  retiredReason: string | undefined;
  builtIn: boolean;
}) {
  const { t } = useTranslation();
  const writes = useAreaWrites();
  const [person, setPerson] = useState(responsible ?? '');
  const [reason, setReason] = useState('');
  const headingId = `area-${code}`;
  return (
    <article className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <p className="muted">
        {code} · {t(builtIn ? 'securityAreas.builtIn' : 'securityAreas.own')}
        {retired && ` · ${t('securityAreas.retired', { reason: retiredReason ?? '' })}`}
      </p>
      <p>{t('securityAreas.responsibleIs', { who: responsible ?? t('securityAreas.nobody') })}</p>
      {!retired && (
        <>
          <Disclosure summary={t('securityAreas.assign.title', { area: name })}>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                writes.assign.mutate({ code, responsible: person.trim() });
              }}
            >
              <TextInput
                label={t('securityAreas.responsible')}
                isRequired
                value={person}
                onChange={setPerson}
              />
              <Refusal error={writes.assign.error} />
              <button type="submit" className="button primary" disabled={writes.assign.isPending}>
                {t('securityAreas.assign.submit')}
              </button>
            </form>
          </Disclosure>
          <Disclosure summary={t('securityAreas.retire.title', { area: name })}>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                writes.retire.mutate({ code, reason: reason.trim() });
              }}
            >
              <TextInput
                label={t('securityAreas.retire.reason')}
                isRequired
                value={reason}
                onChange={setReason}
              />
              <Refusal error={writes.retire.error} />
              <button type="submit" className="button danger" disabled={writes.retire.isPending}>
                {t('securityAreas.retire.submit')}
              </button>
            </form>
          </Disclosure>
        </>
      )}
    </article>
  );
}
