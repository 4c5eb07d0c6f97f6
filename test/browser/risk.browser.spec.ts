import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expectAccessible, inDays, openChange, PHONE, screenshot, signIn } from './support/browser';
import { eventually } from '../support/running-system';
import {
  consoleUnderTest,
  COORDINATOR_API,
  givenRisk,
  givenUnits,
  registerHolds,
} from './support/console-under-test';

const ANNA = { subject: 'anna.berg', name: 'Anna Berg', role: 'SECURITY_COORDINATOR' };
const OMAR = { subject: 'omar.said', name: 'Omar Said', role: 'AREA_RESPONSIBLE' };
const IDA = { subject: 'ida.holm', name: 'Ida Holm', role: 'INVESTIGATOR' };

/** The risk page (3) and its history (4): every flow by clicking, on real PostgreSQL and Kafka. */
describe('a risk and its history in the console', () => {
  const under = consoleUnderTest();
  const ids: Record<'leak' | 'medium' | 'high' | 'shared', string> = {
    leak: '',
    medium: '',
    high: '',
    shared: '',
  };

  beforeAll(async () => {
    await givenUnits(under, [
      { code: 'RV', name: 'Region Värmland', kind: 'REGION' },
      { code: 'AVD12', name: 'Avdelning 12', parentCode: 'RV', kind: 'UNIT' },
    ]);
    const identify = (title: string, likelihood: number, consequence: number) =>
      givenRisk(under, {
        title,
        unit: 'AVD12',
        likelihood,
        consequence,
        scenario: {
          cause: 'en trasig dörrstängare',
          event: 'obehöriga går in i läkemedelsrummet',
          consequence: 'stöld av narkotika',
        },
      });
    ids.leak = await identify('Olåst läkemedelsrum på avdelning 12', 4, 4);
    ids.medium = await identify('Trasig kortläsare vid personalingången', 2, 3);
    ids.high = await identify('Narkotikaskåpet står olåst nattetid', 3, 4);
    ids.shared = await identify('Reservnyckel förvaras i olåst låda', 3, 3);
    await registerHolds(under, 4);
  });

  function mitigation(tab: Page, title: string) {
    return tab.getByRole('article', { name: title });
  }

  it('lets a coordinator assess a risk, then plan, start and apply a mitigation, seeing each state', async () => {
    const tab = await under.page();
    await signIn(tab, ANNA, `/risker/${ids.leak}`);
    await tab
      .getByRole('heading', { level: 1, name: 'Olåst läkemedelsrum på avdelning 12' })
      .waitFor();
    await expect(
      tab
        .getByText(
          'På grund av en trasig dörrstängare, inträffar obehöriga går in i läkemedelsrummet, vilket leder till stöld av narkotika.',
        )
        .isVisible(),
    ).resolves.toBe(true);

    // Assess the target risk on the matrix's own scales; the level is shown before saving.
    await openChange(tab, 'Bedöm risken');
    await expect(
      tab
        .getByText('Får göras av säkerhetssamordnare, områdesansvarig eller riskägare.')
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await tab.getByLabel('Vad bedömer du?').selectOption('TARGET');
    await tab
      .getByRole('radiogroup', { name: 'Sannolikhet' })
      .getByRole('radio', { name: /^2 Låg/ })
      .check({ force: true });
    await tab
      .getByRole('radiogroup', { name: 'Konsekvens' })
      .getByRole('radio', { name: /^3 Måttlig/ })
      .check({ force: true });
    await expect(
      tab.getByText('Riskvärde 2 × 3 = 6 ger enligt riskmatris version 1 nivån').isVisible(),
    ).resolves.toBe(true);
    await tab.getByLabel('Motivering').fill('Kortläsare och dörrlarm sänker sannolikheten');
    await tab.getByRole('button', { name: 'Spara bedömningen' }).click();
    await tab.getByText('Bedömningen är sparad.').waitFor();
    const targetRow = tab.getByRole('row', { name: /^Målrisk/ }).first();
    await expect(targetRow.textContent()).resolves.toMatch(/Medel.*2 × 3 = 6.*version 1/);

    // Plan a mitigation, start it and apply it: its state changes in words each time.
    await openChange(tab, 'Planera en åtgärd');
    await tab.getByLabel('Vad ska göras?').fill('Kortläsare på läkemedelsrummet');
    await tab
      .getByRole('radiogroup', { name: 'Typ av åtgärd' })
      .getByRole('radio', { name: /^Begränsa/ })
      .check({ force: true });
    await tab.getByLabel('Klar senast (valfritt)').fill(inDays(60));
    await tab.getByLabel('Förväntad effekt (valfritt)').fill('Bara personal med kort kommer in');
    await tab.getByRole('button', { name: 'Planera åtgärden' }).click();
    const card = mitigation(tab, 'Kortläsare på läkemedelsrummet');
    await card.getByText('Läge: Planerad').waitFor();
    await expect(card.getByText('Begränsa').isVisible()).resolves.toBe(true);

    await card.getByRole('button', { name: 'Påbörja åtgärden' }).click();
    await card.getByText('Läge: Pågår').waitFor();

    await card.getByText('Registrera som genomförd').click();
    await card.getByLabel('Vad gjordes? (valfritt)').fill('Kortläsaren monterad och testad');
    await card.getByRole('button', { name: 'Spara som genomförd' }).click();
    await card.getByText('Läge: Genomförd').waitFor();
    await expect(card.getByText('Kortläsaren monterad och testad').isVisible()).resolves.toBe(true);
    // The score over time has a table beside the chart.
    await expect(
      tab.getByRole('table', { name: 'Alla bedömningar, senaste först' }).getByRole('row').count(),
    ).resolves.toBe(3);

    await expectAccessible(tab, 'risk page (sv)');
    await screenshot(tab, 'risk-sv');
    await tab.context().close();
  });

  it('shows the risk page in English, accessible', async () => {
    const english = await under.page({ language: 'en' });
    await signIn(english, ANNA, `/risker/${ids.leak}`);
    await english.getByRole('heading', { level: 2, name: 'Mitigations' }).waitFor();
    await expect(
      mitigation(english, 'Kortläsare på läkemedelsrummet').getByText('State: Applied').isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(english, 'risk page (en)');
    await screenshot(english, 'risk-en');
    await english.context().close();
  });

  it('works on a phone 360 px wide', async () => {
    const phone = await under.page({ viewport: PHONE });
    await signIn(phone, ANNA, `/risker/${ids.leak}`);
    await phone.getByRole('heading', { level: 2, name: 'Åtgärder' }).waitFor();
    await expectAccessible(phone, 'risk page (phone)');
    await screenshot(phone, 'risk-phone-sv');
    await phone.context().close();
  });

  it('lets an area responsible accept a medium risk within mandate, and refuses a high one in words', async () => {
    const tab = await under.page();
    await signIn(tab, OMAR, `/risker/${ids.medium}`);
    await openChange(tab, 'Acceptera risken');
    await expect(
      tab
        .getByText(
          'Enligt riskmatris version 1 får en risk på nivån medel accepteras av områdesansvarig eller säkerhetssamordnare, i högst 365 dagar åt gången.',
        )
        .isVisible(),
    ).resolves.toBe(true);
    await tab
      .getByLabel('Varför accepteras risken i stället för att åtgärdas mer?')
      .fill('Kortläsaren byts i vår; fram till dess bevakas ingången');
    await tab.getByLabel('Acceptansen gäller till och med').fill(inDays(100));
    await tab.getByRole('button', { name: 'Acceptera risken' }).click();
    await tab.getByText(/^Risken är accepterad till och med \d{4}-\d{2}-\d{2}\.$/).waitFor();
    await expect(
      tab.getByText('omar.said i rollen områdesansvarig', { exact: false }).isVisible(),
    ).resolves.toBe(true);

    await tab.context().close();

    const high = await under.page();
    await signIn(high, OMAR, `/risker/${ids.high}`);
    await openChange(high, 'Acceptera risken');
    await expect(high.getByText('Du kan inte acceptera risken').isVisible()).resolves.toBe(true);
    await expect(
      high
        .getByText(
          'Du har inte mandat att acceptera en risk på nivån hög. Du har rollen områdesansvarig.',
        )
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      high
        .getByText(
          'Enligt riskmatris version 1 får en risk på nivån hög accepteras av säkerhetssamordnare, i högst 180 dagar åt gången.',
        )
        .isVisible(),
    ).resolves.toBe(true);
    await expect(high.getByRole('button', { name: 'Acceptera risken' }).count()).resolves.toBe(0);
    await high.context().close();
  });

  it('shows the second of two tabs that someone changed the risk, and a reload keeps what was typed', async () => {
    const first = await under.page();
    await signIn(first, ANNA, `/risker/${ids.shared}`);
    const second = await under.page();
    await signIn(second, ANNA, `/risker/${ids.shared}`);
    await second
      .getByRole('heading', { level: 1, name: 'Reservnyckel förvaras i olåst låda' })
      .waitFor();
    await first
      .getByRole('heading', { level: 1, name: 'Reservnyckel förvaras i olåst låda' })
      .waitFor();

    await openChange(second, 'Registrera en granskning');
    await second
      .getByLabel('Vad kom granskningen fram till?')
      .fill('Lådan har fått lås; nyckeln kvitteras ut');
    await second.getByLabel('Nästa granskning senast').fill(inDays(200));

    await openChange(first, 'Utse riskägare');
    await first.getByLabel('Ny riskägare').fill('erik.lund');
    await first.getByRole('button', { name: 'Utse riskägaren' }).click();
    await first.getByText('Riskägare: erik.lund.').waitFor();

    await second.getByRole('button', { name: 'Spara granskningen' }).click();
    await second.getByText(/^Någon annan har ändrat risken sedan du öppnade sidan/).waitFor();
    await second.getByRole('button', { name: 'Läs in igen' }).click();
    await second.getByText('Riskägare: erik.lund.').waitFor();
    await expect(second.getByLabel('Vad kom granskningen fram till?').inputValue()).resolves.toBe(
      'Lådan har fått lås; nyckeln kvitteras ut',
    );
    await expect(second.getByLabel('Nästa granskning senast').inputValue()).resolves.toBe(
      inDays(200),
    );
    await second.getByRole('button', { name: 'Spara granskningen' }).click();
    await second.getByText('Aldrig').waitFor({ state: 'detached' });
    await expect(second.getByLabel('Vad kom granskningen fram till?').inputValue()).resolves.toBe(
      '',
    );
    await first.context().close();
  });

  it('tells the history in Swedish with who did what, and shows the risk as it was at a moment', async () => {
    const tab = await under.page();
    await signIn(tab, ANNA, `/risker/${ids.leak}`);
    await tab.getByRole('link', { name: 'Historik' }).click();
    await tab.waitForURL(/\/historik/);
    await tab
      .getByRole('heading', { level: 1, name: 'Historik: Olåst läkemedelsrum på avdelning 12' })
      .waitFor();
    const events = tab.locator('ol.timeline > li');
    await events.first().waitFor();
    const headings = await tab.locator('ol.timeline > li h3').allTextContents();
    expect(headings[0]).toBe('Risk identifierad');
    expect(headings).toEqual(
      expect.arrayContaining([
        'Risk bedömd',
        'Åtgärd planerad',
        'Åtgärd påbörjad',
        'Åtgärd genomförd',
      ]),
    );
    const applied = events.filter({ has: tab.getByRole('heading', { name: 'Åtgärd genomförd' }) });
    await expect(
      applied.getByText(/^Av Anna Berg, \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/).isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(tab, 'risk history (sv)');
    await screenshot(tab, 'risk-history-sv');

    // As it was right after it was identified: no target assessment, no mitigation yet.
    // Identified with a first assessment: both events in one transaction, so version 2 at once.
    await tab.getByRole('link', { name: /efter den här händelsen \(version 2\)$/ }).click();
    await tab.waitForURL(/asOf=/);
    const asOf = new URL(tab.url()).searchParams.get('asOf');
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const then = tab.locator('.as-of-view');
    await then.getByText('Version 2 vid den tidpunkten.').waitFor();
    await expect(then.getByText('Inga åtgärder är planerade.').isVisible()).resolves.toBe(true);
    await expect(then.getByRole('row', { name: /^Målrisk/ }).textContent()).resolves.toMatch(
      /Inte bedömd än/,
    );
    await expect(tab.getByLabel('Tidpunkt').inputValue()).resolves.toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/,
    );
    await expectAccessible(tab, 'risk history as of (sv)');

    // The picker: a moment before the risk existed; the address keeps it, so a reload shows it.
    await tab.getByLabel('Tidpunkt').fill('2020-01-01T08:00:00');
    await tab.getByRole('button', { name: 'Visa' }).click();
    await then.getByText('Risken fanns inte i registret vid den tidpunkten.').waitFor();
    const shared = tab.url();
    await tab.context().close();
    const other = await under.page();
    await signIn(other, ANNA, new URL(shared).pathname + new URL(shared).search);
    await other
      .locator('.as-of-view')
      .getByText('Risken fanns inte i registret vid den tidpunkten.')
      .waitFor();
    await other.context().close();
  });

  it('tells the history in English too', async () => {
    const english = await under.page({ language: 'en' });
    await signIn(english, ANNA, `/risker/${ids.leak}/historik`);
    await english.getByRole('heading', { level: 3, name: 'Mitigation applied' }).waitFor();
    await expectAccessible(english, 'risk history (en)');
    await screenshot(english, 'risk-history-en');
    await english.context().close();
  });

  it('lets an investigator find every event of one person in a week, and open one with its hash', async () => {
    // What Omar did, as the log (fed from Kafka) holds it.
    const omars = await eventually(async () => {
      const { body } = await under.api.get('/traceability?actor=omar.said', COORDINATOR_API);
      return body.length > 0 ? (body as { eventType: string; position: number }[]) : undefined;
    });
    const tab = await under.page();
    await signIn(tab, IDA, '/handelselogg');
    await tab.getByRole('heading', { level: 1, name: 'Händelselogg' }).waitFor();
    await tab.getByLabel('Vem (användar-id)').fill('omar.said');
    await tab.getByLabel('Från och med dag').fill(inDays(-6));
    await tab.getByLabel('Till och med dag').fill(inDays(0));
    await tab.getByRole('button', { name: 'Sök', exact: true }).click();
    const n = omars.length;
    await tab.getByText(`Visar ${n} av ${n} poster`).waitFor();
    const rows = tab.locator('main table tbody tr');
    await expect(rows.count()).resolves.toBe(n);
    await expect(rows.locator('td:nth-child(3)').allTextContents()).resolves.toEqual(
      Array(n).fill('Omar Said'),
    );
    await expectAccessible(tab, 'event log (sv)');
    await screenshot(tab, 'event-log-sv');
    // What is shown, as a file: the CSV holds the same entries.
    const [download] = await Promise.all([
      tab.waitForEvent('download'),
      tab.getByRole('button', { name: 'Exportera som CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^handelselogg-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv).toHaveLength(n + 1);
    expect(csv.slice(1).every((line) => line.includes('omar.said'))).toBe(true);

    // Something done because of the first of them: its page lists it, a link to walk on.
    const accepted = (await under.api.get(`/traceability/${omars[0].position}`, COORDINATOR_API))
      .body as { streamId: string; eventId: string };
    const followUp = await under.api.post(
      `/risks/${accepted.streamId}/mitigations`,
      { title: 'Bevakning av ingången tills kortläsaren är bytt', kind: 'LIMIT' },
      { ...COORDINATOR_API, 'X-Causation-Id': accepted.eventId },
    );
    expect(followUp.status).toBe(201);
    const planned = await eventually(async () => {
      const { body } = await under.api.get(
        `/traceability?causationId=${accepted.eventId}`,
        COORDINATOR_API,
      );
      return body.length > 0 ? (body[0] as { eventId: string }) : undefined;
    });
    // ... and something done because of that in turn: the page shows it one level further in.
    const applied = await under.api.post(
      `/risks/${accepted.streamId}/mitigations/${followUp.body.mitigationId}/applied`,
      {},
      { ...COORDINATOR_API, 'X-Causation-Id': planned.eventId },
    );
    expect(applied.status).toBe(201);
    await eventually(async () => {
      const { body } = await under.api.get(
        `/traceability?causationId=${planned.eventId}`,
        COORDINATOR_API,
      );
      return body.length > 0 ? true : undefined;
    });

    // The first of them, as the store holds it: its data, metadata and place in the hash chain.
    await rows.first().getByRole('link').first().click();
    await tab.getByRole('heading', { level: 1, name: 'Risk accepterad' }).waitFor();
    await expect(tab.locator('code.hash').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    await tab.getByRole('region', { name: 'Händelsens data' }).waitFor();
    const followed = tab.getByRole('list', {
      name: 'Det som följde, var sak under det som orsakade den',
    });
    const plannedItem = followed.locator('> li');
    await plannedItem.getByRole('link', { name: 'Åtgärd planerad' }).waitFor();
    await plannedItem.locator('ul > li').getByRole('link', { name: 'Åtgärd genomförd' }).waitFor();
    await expectAccessible(tab, 'logged event (sv)');
    await screenshot(tab, 'event-log-entry-sv');
    await tab.getByRole('link', { name: 'alla poster i flödet' }).click();
    await tab.getByText(/^Visar \d+ av \d+ poster$/).waitFor();
    await expect(tab.getByLabel('Flöde (korrelations-id)').inputValue()).resolves.not.toBe('');
    await tab.context().close();

    const english = await under.page({ language: 'en' });
    await signIn(english, IDA, '/handelselogg?actor=omar.said');
    await english.getByText(`Showing ${n} of ${n} entries`).waitFor();
    await expectAccessible(english, 'event log (en)');
    await screenshot(english, 'event-log-en');
    await english.context().close();
    const phone = await under.page({ viewport: PHONE });
    await signIn(phone, IDA, `/handelselogg/${omars[0].position}`);
    await phone.getByRole('heading', { level: 1, name: 'Risk accepterad' }).waitFor();
    await expect(phone.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBe(360);
    await screenshot(phone, 'event-log-entry-phone');
    await phone.goto(`${under.system.baseUrl}/handelselogg?actor=omar.said`);
    await phone.getByText(`Visar ${n} av ${n} poster`).waitFor();
    await expect(phone.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBe(360);
    await screenshot(phone, 'event-log-phone');
    await phone.context().close();
  });

  it('shows an investigator the register as it was a month ago and what has changed since', async () => {
    const tab = await under.page();
    await signIn(tab, IDA, '/registret-som-det-var');
    await tab.getByRole('heading', { level: 1, name: 'Registret som det var' }).waitFor();
    await tab.getByText('0 risker i registret vid tidpunkten.').waitFor();
    await tab.getByText('Registret var tomt vid tidpunkten.').waitFor();
    const changes = tab.getByRole('region', { name: /^Ändringar från/ });
    await changes.getByRole('heading', { name: 'Nya risker (4)' }).waitFor();
    await changes.getByRole('link', { name: 'Olåst läkemedelsrum på avdelning 12' }).waitFor();
    await changes.getByRole('heading', { name: 'Avslutade (0)' }).waitFor();
    await expectAccessible(tab, 'register as it was (sv)');
    await screenshot(tab, 'register-as-of-sv');
    await tab.context().close();

    const english = await under.page({ language: 'en' });
    await signIn(english, IDA, '/registret-som-det-var');
    await english.getByRole('heading', { name: 'New risks (4)' }).waitFor();
    await expectAccessible(english, 'register as it was (en)');
    await screenshot(english, 'register-as-of-en');
    await english.context().close();

    const phone = await under.page({ viewport: PHONE });
    await signIn(phone, IDA, '/registret-som-det-var');
    await phone.getByRole('heading', { name: 'Nya risker (4)' }).waitFor();
    await expect(phone.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBe(360);
    await screenshot(phone, 'register-as-of-phone');
    await phone.context().close();
  });

  it('shows a change made in another browser without a reload, and says it was updated', async () => {
    const riskId = await givenRisk(under, {
      title: 'Larmknappen i receptionen fungerar inte',
      unit: 'AVD12',
      likelihood: 3,
      consequence: 3,
    });
    const watching = await under.page();
    await signIn(watching, ANNA, `/risker/${riskId}`);
    await watching.getByText('Riskägare: ward.manager.').waitFor();
    await watching.evaluate(() => Object.assign(globalThis, { sameDocument: true }));

    const changing = await under.page();
    await signIn(changing, ANNA, `/risker/${riskId}`);
    await openChange(changing, 'Utse riskägare');
    await changing.getByLabel('Ny riskägare').fill('lena.ek');
    await changing.getByRole('button', { name: 'Utse riskägaren' }).click();
    await changing.getByText('Riskägare: lena.ek.').waitFor();
    await changing.context().close();

    await watching.getByText('Riskägare: lena.ek.').waitFor();
    await watching
      .getByText(/^Uppdaterad kl\. [\d.:]+ med ändringar gjorda någon annanstans$/)
      .waitFor();
    await expect(watching.evaluate(() => 'sameDocument' in globalThis)).resolves.toBe(true);
    await expectAccessible(watching, 'risk updated live (sv)');
    await screenshot(watching, 'risk-live-updated-sv');
    await watching.context().close();
  });

  it('says how far the register is behind the log while the pipeline is held back', async () => {
    const tab = await under.page();
    await signIn(tab, ANNA, '/risker');
    await tab.getByRole('heading', { level: 1 }).waitFor();
    // A transaction left open holds the relay (it copies only settled transactions to Kafka).
    const holder = under.system.db.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT pg_current_xact_id()`);
      await givenRisk(under, {
        title: 'Nödutgången är låst',
        unit: 'AVD12',
        likelihood: 2,
        consequence: 2,
      });
      await tab
        .getByText(/^Registret ligger 2 händelser efter loggen sedan \d+ sekunder/)
        .waitFor();
      await expectAccessible(tab, 'register behind the log (sv)');
      await screenshot(tab, 'register-behind-sv');
      await holder.rollbackTransaction();
      await tab.getByText(/^Registret ligger/).waitFor({ state: 'detached' });
      await tab.getByRole('link', { name: 'Nödutgången är låst' }).waitFor();
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    await tab.context().close();
  });

  it('lets an investigator download the Akt of a record with its chain, or of days, and shows its hash', async () => {
    const [first] = await eventually(async () => {
      const { body } = await under.api.get(`/traceability?streamId=${ids.medium}`, COORDINATOR_API);
      return body.length > 0 ? (body as { position: number }[]) : undefined;
    });
    /** Starts the Akt by its button; the zip the browser saved, and the hash the page shows. */
    const downloaded = async (tab: Page, button: string, saved: RegExp) => {
      const [download] = await Promise.all([
        tab.waitForEvent('download', { timeout: 60_000 }),
        tab.getByRole('button', { name: button }).click(),
      ]);
      await tab.getByText(saved).waitFor();
      const zip = await JSZip.loadAsync(readFileSync((await download.path()) as string));
      const events = await zip.file('events.jsonl')!.async('string');
      const shown = await tab.locator('code.case-file-hash').textContent();
      expect(shown).toMatch(/^[0-9a-f]{64}$/);
      expect(createHash('sha256').update(events).digest('hex')).toBe(shown);
      return events;
    };
    const tab = await under.page();
    await signIn(tab, { ...IDA, cleared: true }, `/handelselogg/${first.position}`);
    await tab.getByRole('heading', { level: 1, name: 'Risk identifierad' }).waitFor();
    const ofRecord = await downloaded(
      tab,
      'Ladda ner akt för posten och det som följde av den',
      /^Akten är sparad \(akt-.*\.zip\): \d+ händelser?\./,
    );
    expect(ofRecord).toContain(ids.medium);
    expect(ofRecord).not.toContain(ids.high);
    await tab.getByText('Loggen var obruten när akten gjordes.').waitFor();
    await expectAccessible(tab, 'case file of a record (sv)');
    await screenshot(tab, 'case-file-sv');

    await tab.goto(`/handelselogg?from=${inDays(-1)}&to=${inDays(0)}`);
    const ofDays = await downloaded(
      tab,
      'Ladda ner akt för de valda dagarna',
      /^Akten är sparad \(akt-.*\.zip\): \d+ händelser\./,
    );
    expect(ofDays).toContain(ids.medium);
    expect(ofDays).toContain(ids.high);
    await tab.context().close();

    const english = await under.page({ language: 'en' });
    await signIn(english, { ...IDA, cleared: true }, `/handelselogg/${first.position}`);
    await downloaded(
      english,
      'Download the case file for the record and what followed from it',
      /^The case file is saved/,
    );
    await expectAccessible(english, 'case file of a record (en)');
    await screenshot(english, 'case-file-en');
    await english.context().close();

    const phone = await under.page({ viewport: PHONE });
    await signIn(phone, IDA, `/handelselogg?from=${inDays(-1)}&to=${inDays(0)}`);
    await phone.getByRole('button', { name: 'Ladda ner akt för de valda dagarna' }).click();
    // Not cleared for säkerhetsskydd: refused, in words.
    await phone
      .getByText(/Bara den som är behörig till säkerhetsskydd kan ladda ner en akt\./)
      .waitFor();
    await expect(phone.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBe(360);
    await screenshot(phone, 'case-file-phone');
    await phone.context().close();
  });

  // Last in the file: it changes an event behind the log's back.
  it('shows an investigator that the log is intact, and where it breaks after a change in the database', async () => {
    const tab = await under.page();
    await signIn(tab, IDA, '/integritet');
    await tab
      .getByText('Loggen är obruten: inget har ändrats, tagits bort eller flyttats.')
      .waitFor();
    await expect(tab.locator('code.hash').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    await expectAccessible(tab, 'integrity (sv)');
    await screenshot(tab, 'integrity-sv');

    const [{ position }]: { position: string }[] = await under.system.db.dataSource.query(
      `SELECT position FROM events WHERE stream_id = $1 AND stream_version = 1`,
      [ids.medium],
    );
    await under.system.db.dataSource.transaction(async (m) => {
      await m.query(`ALTER TABLE events DISABLE TRIGGER USER`);
      await m.query(
        `UPDATE events SET data = jsonb_set(data, '{title}', '"Inget att se här"') WHERE position = $1`,
        [position],
      );
      await m.query(`ALTER TABLE events ENABLE TRIGGER USER`);
    });
    await tab.getByRole('button', { name: 'Kontrollera nu' }).click();
    await tab.getByText('Loggen är bruten: ett fel hittades.').waitFor();
    const firstBreak = tab.getByRole('region', { name: 'Där loggen först bryts' });
    await firstBreak.getByText('Händelsen har ändrats (kontrollsumman stämmer inte)').waitFor();
    await expect(
      firstBreak.getByRole('link', { name: position, exact: true }).count(),
    ).resolves.toBe(1);
    await expectAccessible(tab, 'integrity broken (sv)');
    await screenshot(tab, 'integrity-broken-sv');
    await tab.context().close();

    const english = await under.page({ language: 'en' });
    await signIn(english, IDA, '/integritet');
    await english.getByText('The log is broken: one problem was found.').waitFor();
    await expectAccessible(english, 'integrity (en)');
    await screenshot(english, 'integrity-en');
    await english.context().close();

    const phone = await under.page({ viewport: PHONE });
    await signIn(phone, IDA, '/integritet');
    await phone.getByText('Loggen är bruten: ett fel hittades.').waitFor();
    await expect(phone.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBe(360);
    await screenshot(phone, 'integrity-phone');
    await phone.context().close();
  });
});
