import { readFile } from 'node:fs/promises';
import { eventually } from '../support/running-system';
import type { Page } from 'playwright-core';
import {
  expectAccessible,
  openChange,
  PHONE,
  screenshot,
  signIn,
  type TestUser,
} from './support/browser';
import {
  consoleUnderTest,
  COORDINATOR_API,
  givenRisk,
  givenUnits,
  registerHolds,
} from './support/console-under-test';

const REPORTER: TestUser = { subject: 'nina.sjoberg', name: 'Nina Sjöberg', role: 'REPORTER' };
const COORDINATOR: TestUser = {
  subject: 'anna.berg',
  name: 'Anna Berg',
  role: 'SECURITY_COORDINATOR',
};
const TITLE = 'Trasigt lås till läkemedelsrummet';
const IT_TITLE = 'Utpressningsvirus på labbets filserver';

/** Rapportera händelse, the incident list and page, and goals: clicked through as people would. */
describe('incidents and goals in the web console', () => {
  const under = consoleUnderTest();

  beforeAll(async () => {
    await givenUnits(under, [
      { code: 'RV', name: 'Region Värmland', kind: 'REGION' },
      { code: 'HSV', name: 'Hälso- och sjukvård', parentCode: 'RV', kind: 'ADMINISTRATION' },
      { code: 'MED', name: 'Medicinkliniken', parentCode: 'HSV', kind: 'DEPARTMENT' },
      { code: 'AVD12', name: 'Avdelning 12', parentCode: 'MED', kind: 'UNIT' },
      { code: 'IT', name: 'IT-enheten', parentCode: 'RV', kind: 'UNIT' },
    ]);
    await givenRisk(under, {
      title: 'Olåst läkemedelsrum',
      unit: 'AVD12',
      likelihood: 4,
      consequence: 4,
    });
    await registerHolds(under, 1);
  });

  async function expectNoSideways(tab: Page): Promise<void> {
    const width = await tab.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(PHONE.width);
  }

  it('lets a reporter on a phone report a deficiency by tapping through the form, then see it under Mina rapporter', async () => {
    const tab = await under.page({ viewport: PHONE });
    await signIn(tab, REPORTER, '/rapportera');
    await tab.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
    await tab.getByText('Brist', { exact: true }).click();
    await tab
      .getByLabel('Enhet', { exact: true })
      .selectOption({ label: 'Medicinkliniken › Avdelning 12' });
    await tab.getByLabel('Säkerhetsområde').selectOption({ label: 'Läkemedel' });
    // When it happened defaults to now; the reporter keeps it.
    expect(await tab.getByLabel('När hände det?').inputValue()).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
    );
    await tab.getByLabel('Vad hände? (rubrik)').fill(TITLE);
    await tab
      .getByLabel('Beskriv vad som hände')
      .fill('Låset går att öppna utan nyckel sedan i morse. Ingenting saknas.');
    await tab.getByText('2 – Lindrig').click();
    await tab
      .getByLabel('Vad gjordes direkt? (frivilligt)')
      .fill('Dörren bevakas; fastighet kontaktad.');
    // A reporter reads no risks, so none are offered.
    await expect(tab.getByText('Risker som händelsen hör till').count()).resolves.toBe(0);
    await expectNoSideways(tab);
    await expectAccessible(tab, 'report incident, phone (sv)');
    await screenshot(tab, 'report-incident-phone-sv');

    await tab.getByRole('button', { name: 'Skicka rapporten' }).click();
    await tab.getByRole('heading', { name: 'Tack – din rapport är registrerad' }).waitFor();
    await expect(tab.getByText('Rapportens id').isVisible()).resolves.toBe(true);
    const mine = tab.getByRole('region', { name: 'Mina rapporter' });
    const report = mine.getByRole('listitem').filter({ hasText: TITLE });
    await report.waitFor();
    await expect(report.getByText('Rapporterad', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(report.getByText('Brist', { exact: true }).isVisible()).resolves.toBe(true);
    await expectNoSideways(tab);
    await expectAccessible(tab, 'report incident receipt, phone (sv)');
    await tab.context().close();
  });

  it('shows the report form in English on a phone, and to a coordinator with the unit’s risks on a desktop', async () => {
    const phone = await under.page({ viewport: PHONE, language: 'en' });
    await signIn(phone, REPORTER, '/rapportera');
    await phone.getByRole('heading', { level: 1, name: 'Report an incident' }).waitFor();
    await phone.getByRole('heading', { name: 'My reports' }).waitFor();
    await phone.getByText(TITLE).waitFor();
    await expectNoSideways(phone);
    await expectAccessible(phone, 'report incident, phone (en)');
    await screenshot(phone, 'report-incident-phone-en');
    await phone.context().close();

    const desktop = await under.page();
    await signIn(desktop, COORDINATOR, '/rapportera');
    await desktop.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
    await desktop
      .getByLabel('Enhet', { exact: true })
      .selectOption({ label: 'Medicinkliniken › Avdelning 12' });
    await desktop.getByText('Olåst läkemedelsrum').waitFor();
    await expectAccessible(desktop, 'report incident (sv)');
    await screenshot(desktop, 'report-incident-sv');
    await desktop.context().close();
  });

  it('lets a coordinator open the report from the incident list, record an investigation and close it', async () => {
    const tab = await under.page();
    await signIn(tab, COORDINATOR, '/incidenter');
    await tab.getByRole('heading', { level: 1, name: 'Incidenter' }).waitFor();
    await tab.getByLabel('Typ').selectOption({ label: 'Brist' });
    await tab.waitForURL(/kind=DEFICIENCY/);
    const row = tab.getByRole('row').filter({ hasText: TITLE });
    await row.waitFor();
    await expect(row.getByText('Rapporterad').isVisible()).resolves.toBe(true);
    await expectAccessible(tab, 'incidents (sv)');
    await screenshot(tab, 'incidents-sv');

    await row.getByRole('link', { name: TITLE }).click();
    await tab.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await tab.getByLabel('Vad utredningen visade').fill('Låscylindern var utsliten.');
    await tab.getByLabel('Grundorsak').fill('Ingen rutin för att byta lås i tid.');
    await tab.getByRole('button', { name: 'Spara utredningen' }).click();
    await tab.getByText('Utredningen är registrerad.').waitFor();
    const investigation = tab.getByRole('region', { name: 'Utredning' });
    await expect(investigation.getByText('Låscylindern var utsliten.').isVisible()).resolves.toBe(
      true,
    );
    const chain = tab.getByRole('region', { name: 'Vad som följde' });
    await chain.getByText('Händelse utredd').waitFor();

    // A mitigation planned on a risk because of the incident hangs in its chain, a link to it.
    const incidentId = new URL(tab.url()).pathname.split('/').pop()!;
    const risk = (await under.api.get('/risks?q=Olåst', COORDINATOR_API)).body.items[0];
    const planned = await under.api.post(
      `/risks/${risk.riskId}/mitigations`,
      { title: 'Byt låscylindrar på alla läkemedelsrum', kind: 'LIMIT' },
      { ...COORDINATOR_API, 'X-Causation-Id': incidentId },
    );
    expect(planned.status).toBe(201);
    await tab.reload();
    const followed = chain
      .getByRole('listitem')
      .filter({ hasText: 'Gjordes på grund av händelsen:' });
    await followed.getByRole('link', { name: 'Åtgärd planerad' }).waitFor();
    await expect(followed.getByRole('link', { name: /^Risk / }).count()).resolves.toBe(1);
    await expectAccessible(tab, 'incident (sv)');
    await screenshot(tab, 'incident-sv');
    await followed.getByRole('link', { name: 'Åtgärd planerad' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Åtgärd planerad' }).waitFor();
    await tab
      .getByText('Byt låscylindrar på alla läkemedelsrum', { exact: false })
      .first()
      .waitFor();
    await tab.goBack();
    await tab.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    await tab.getByText('Avsluta händelsen', { exact: true }).click();
    await tab.getByLabel('Så hanterades händelsen').fill('Låset är bytt; rutin för lås införd.');
    await tab.getByRole('button', { name: 'Avsluta', exact: true }).click();
    await tab
      .getByRole('region', { name: 'Det här rapporterades' })
      .getByText('Avslutad', { exact: true })
      .waitFor();
    const closure = tab.getByRole('region', { name: 'Avslut' });
    await expect(
      closure.getByText('Låset är bytt; rutin för lås införd.').isVisible(),
    ).resolves.toBe(true);
    // A closed incident offers no more forms.
    await expect(tab.getByRole('button', { name: 'Spara utredningen' }).count()).resolves.toBe(0);
    await tab.context().close();

    // The reporter sees what became of the report.
    const reporter = await under.page({ viewport: PHONE });
    await signIn(reporter, REPORTER, '/rapportera');
    const report = reporter
      .getByRole('region', { name: 'Mina rapporter' })
      .getByRole('listitem')
      .filter({ hasText: TITLE });
    await report.getByText('Avslutad', { exact: true }).waitFor();
    await expect(report.getByText('Låscylindern var utsliten.').isVisible()).resolves.toBe(true);
    await expect(
      report.getByText('Låset är bytt; rutin för lås införd.').isVisible(),
    ).resolves.toBe(true);
    await reporter.context().close();
  });

  it('shows the incident list and an incident in English', async () => {
    const tab = await under.page({ language: 'en' });
    await signIn(tab, COORDINATOR, '/incidenter');
    const row = tab.getByRole('row').filter({ hasText: TITLE });
    await row.waitFor();
    await expect(row.getByText('Deficiency').isVisible()).resolves.toBe(true);
    await expectAccessible(tab, 'incidents (en)');
    await screenshot(tab, 'incidents-en');
    await row.getByRole('link', { name: TITLE }).click();
    await tab.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await tab.getByRole('region', { name: 'What followed' }).getByText('Incident closed').waitFor();
    await expectAccessible(tab, 'incident (en)');
    await screenshot(tab, 'incident-en');
    await tab.context().close();
  });

  it("shows Rapporteringsklockan for an IT incident: MSB's 24 h and 72 h stages, in Mitt arbete and on Översikt, and a stage met once reported", async () => {
    const tab = await under.page();
    await signIn(tab, COORDINATOR, '/rapportera');
    await tab.getByRole('heading', { level: 1, name: 'Rapportera händelse' }).waitFor();
    await tab.getByText('IT-incident', { exact: true }).click();
    await tab.getByLabel('Enhet', { exact: true }).selectOption({ label: 'IT-enheten' });
    await tab.getByLabel('Säkerhetsområde').selectOption({ label: 'IT-säkerhet' });
    await tab.getByLabel('Vad hände? (rubrik)').fill(IT_TITLE);
    await tab
      .getByLabel('Beskriv vad som hände')
      .fill('Filer på labbets filserver krypterades i natt; servern är frånkopplad.');
    await tab
      .getByRole('radiogroup', { name: /^Berördes personuppgifter/ })
      .getByText('Nej', { exact: true })
      .click();
    await tab.getByRole('button', { name: 'Skicka rapporten' }).click();
    await tab.getByRole('heading', { name: 'Tack – din rapport är registrerad' }).waitFor();

    // Mitt arbete lists it with its next deadline, in words, a link to the incident (once the
    // register, fed from Kafka, holds it).
    await eventually(async () => {
      const { body } = await under.api.get('/incidents/reporting-deadlines', COORDINATOR_API);
      return body.items.some((d: { title: string }) => d.title === IT_TITLE) || undefined;
    });
    await tab.goto('/mitt-arbete');
    const deadlines = tab.getByRole('region', { name: /^Rapporteringsfrister/ });
    const item = deadlines.getByRole('listitem').filter({ hasText: IT_TITLE });
    await item.waitFor();
    await expect(item.textContent()).resolves.toMatch(
      /MSB.*Tidig varning: Ska rapporteras senast .*, om \d+ timm(e|ar)/,
    );
    await expectAccessible(tab, 'my work with reporting deadlines (sv)');
    await screenshot(tab, 'my-work-deadlines-sv');

    await item.getByRole('link', { name: IT_TITLE }).click();
    await tab.getByRole('heading', { level: 1, name: IT_TITLE }).waitFor();
    const clock = tab.getByRole('region', { name: 'Rapporteringsklockan' });
    await clock.getByRole('heading', { name: /^MSB .*: Betydande IT-incident/ }).waitFor();
    const stages = clock.getByRole('listitem');
    await expect(stages.allTextContents()).resolves.toEqual([
      expect.stringMatching(
        /^Pågår\s*Tidig varning \(inom 24 timmar\)Frist: senast .*Ska rapporteras senast/,
      ),
      expect.stringMatching(
        /^Pågår\s*Incidentanmälan \(inom 72 timmar\)Frist: senast .*Ska rapporteras senast/,
      ),
    ]);
    await expectAccessible(tab, 'incident with reporting clock (sv)');
    await screenshot(tab, 'incident-reporting-clock-sv');

    // The early warning to MSB, recorded: the first stage is met, the second still runs.
    await tab.getByText('Registrera en anmälan', { exact: true }).click();
    await tab.getByLabel('Myndighet', { exact: true }).selectOption('MSB');
    await tab.getByLabel('Diarienummer eller referens').fill('MSB-2026-4711');
    await tab.getByRole('button', { name: 'Spara anmälan' }).click();
    await tab.getByText('Anmälan är registrerad.').waitFor();
    await stages.first().getByText('Klar', { exact: true }).waitFor();
    await expect(stages.first().textContent()).resolves.toMatch(
      /Rapporterad \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
    );
    await expect(stages.nth(1).textContent()).resolves.toMatch(/Ska rapporteras senast/);
    await expectAccessible(tab, 'incident with a stage met (sv)');
    await screenshot(tab, 'incident-reporting-clock-met-sv');

    // Översikt: the notification to MSB is still due.
    await tab.goto('/');
    const overview = tab.getByRole('region', { name: /^Rapporteringsfrister/ });
    await expect(
      overview.getByRole('listitem').filter({ hasText: IT_TITLE }).textContent(),
    ).resolves.toMatch(/MSB.*Incidentanmälan: Ska rapporteras senast/);
    await overview.getByRole('link', { name: IT_TITLE }).waitFor();
    await expectAccessible(tab, 'overview with reporting deadlines (sv)');
    await screenshot(tab, 'overview-deadlines-sv');
    const incidentUrl = await overview.getByRole('link', { name: IT_TITLE }).getAttribute('href');
    await tab.context().close();

    const english = await under.page({ language: 'en' });
    await signIn(english, COORDINATOR, incidentUrl!);
    const enClock = english.getByRole('region', { name: 'Reporting clock' });
    await enClock.getByText('Early warning', { exact: true }).waitFor();
    await expect(enClock.getByRole('listitem').first().textContent()).resolves.toMatch(/Reported /);
    await expect(enClock.getByRole('listitem').nth(1).textContent()).resolves.toMatch(
      /Incident notification \(within 72 hours\).*To be reported by/,
    );
    await expectAccessible(english, 'incident with reporting clock (en)');
    await screenshot(english, 'incident-reporting-clock-en');
    await english.goto('/mitt-arbete');
    await english
      .getByRole('region', { name: /^Reporting deadlines/ })
      .getByText(IT_TITLE)
      .waitFor();
    await expectAccessible(english, 'my work with reporting deadlines (en)');
    await screenshot(english, 'my-work-deadlines-en');
    await english.context().close();

    const phone = await under.page({ viewport: PHONE });
    await signIn(phone, COORDINATOR, incidentUrl!);
    await phone.getByRole('region', { name: 'Rapporteringsklockan' }).waitFor();
    await expectNoSideways(phone);
    await screenshot(phone, 'incident-reporting-clock-phone-sv');
    await phone.goto('/mitt-arbete');
    await phone
      .getByRole('region', { name: /^Rapporteringsfrister/ })
      .getByText(IT_TITLE)
      .waitFor();
    await expectNoSideways(phone);
    await screenshot(phone, 'my-work-deadlines-phone-sv');
    await phone.context().close();
  });

  it("lets an administrator change MSB's early warning to 12 hours, and the incident's clock counts with it", async () => {
    const ADMIN: TestUser = { subject: 'admin', name: 'Ada Admin', role: 'ADMINISTRATOR' };
    const tab = await under.page();
    await signIn(tab, ADMIN);
    await tab.getByRole('link', { name: 'Rapporteringsskyldigheter' }).click();
    const msb = tab.getByRole('article', { name: /^MSB .*: Betydande IT-incident/ });
    await msb.getByText('Tidig varning: inom 24 timmar').waitFor();
    await expect(
      tab
        .getByRole('article', { name: /^Arbetsmiljöverket: / })
        .getByText('Anmälan: utan dröjsmål')
        .isVisible(),
    ).resolves.toBe(true);
    await openChange(tab, 'Ändra fristerna för MSB');
    await msb.getByLabel('Tidig varning: timmar från upptäckt').fill('12');
    await msb.getByRole('button', { name: 'Spara fristerna' }).click();
    await msb.getByText('Fristerna är ändrade.').waitFor();
    await msb.getByText('Tidig varning: inom 12 timmar').waitFor();
    await msb.getByText('Senast ändrad av admin').waitFor();
    await expectAccessible(tab, 'reporting obligations (sv)');
    await screenshot(tab, 'reporting-obligations-sv');
    await tab.context().close();

    const coordinator = await under.page();
    await signIn(coordinator, COORDINATOR, '/mitt-arbete');
    await coordinator.getByRole('link', { name: IT_TITLE }).first().click();
    await coordinator
      .getByRole('region', { name: 'Rapporteringsklockan' })
      .getByText('(inom 12 timmar)')
      .waitFor();
    // Personal data turned out to be affected: IMY's 72 hours join the clock.
    await openChange(coordinator, 'Ange om personuppgifter berördes');
    await coordinator.getByLabel('Berördes personuppgifter?').selectOption('yes');
    await coordinator.getByRole('button', { name: 'Spara', exact: true }).click();
    await coordinator
      .getByRole('region', { name: 'Rapporteringsklockan' })
      .getByRole('heading', { name: /^IMY .*: Personuppgiftsincident/ })
      .waitFor();
    await coordinator.context().close();

    const english = await under.page({ language: 'en' });
    await signIn(english, ADMIN, '/rapporteringsskyldigheter');
    await english.getByText('Early warning: within 12 hours').waitFor();
    await expectAccessible(english, 'reporting obligations (en)');
    await screenshot(english, 'reporting-obligations-en');
    await english.context().close();
  });

  it('lets a coordinator set a goal, record a measurement and see the fulfilment', async () => {
    const year = new Date().getFullYear();
    const tab = await under.page();
    await signIn(tab, COORDINATOR, `/mal?year=${year}`);
    await tab.getByRole('heading', { level: 1, name: 'Mål och indikatorer' }).waitFor();
    await tab.getByText('Sätt ett nytt mål').click();
    const form = tab.getByRole('form', { name: 'Sätt ett nytt mål' });
    await form.getByLabel('Säkerhetsområde').selectOption({ label: 'Brandsäkerhet' });
    await form
      .getByLabel('Mål', { exact: true })
      .fill('All personal vet vad de ska göra när brandlarmet går');
    await form.getByLabel('Indikator').fill('Andel personal som gått brandutbildning');
    await form.getByLabel('Målvärde').fill('90');
    await form.getByLabel('Enhet', { exact: true }).fill('%');
    await form.getByLabel('Delvis uppfyllt från').fill('75');
    await form.getByRole('button', { name: 'Sätt målet' }).click();
    const goal = tab.getByRole('article', {
      name: 'All personal vet vad de ska göra när brandlarmet går',
    });
    // Either the goal appears or the page says why not: a refusal fails the test with its words.
    await tab.locator('article, .refusal, .field-error').first().waitFor();
    await expect(tab.locator('.refusal, .field-error').allTextContents()).resolves.toEqual([]);
    await goal.waitFor();
    await expect(goal.getByText('Inte mätt ännu').isVisible()).resolves.toBe(true);

    await goal.getByText('Registrera en mätning').click();
    await goal.getByLabel('Uppmätt värde (%)').fill('80');
    await goal.getByLabel('Källa eller kommentar').fill('Från lärplattformen');
    await goal.getByRole('button', { name: 'Spara mätningen' }).click();
    await goal.getByText('Delvis uppfyllt', { exact: true }).waitFor();
    await expect(
      goal
        .getByRole('table', { name: /^Mätningar av/ })
        .getByText('Från lärplattformen')
        .isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(tab, 'goals (sv)');
    await screenshot(tab, 'goals-sv');
    await tab.context().close();

    const english = await under.page({ language: 'en' });
    await signIn(english, COORDINATOR, `/mal?year=${year}&area=FIRE_SAFETY`);
    await english.getByText('Partly met', { exact: true }).first().waitFor();
    await expectAccessible(english, 'goals (en)');
    await screenshot(english, 'goals-en');
    await english.context().close();
  });

  it("shows the year's säkerhetsberättelse per area, from the goals and incidents above, printable", async () => {
    const year = new Date().getFullYear();
    const tab = await under.page();
    await signIn(tab, COORDINATOR, `/sakerhetsberattelse?year=${year}`);
    await tab.getByRole('heading', { level: 1, name: `Säkerhetsberättelse ${year}` }).waitFor();
    const fire = tab.getByRole('region', { name: 'Brandsäkerhet', exact: true });
    await expect(
      fire
        .getByRole('table', { name: 'Mål för Brandsäkerhet' })
        .getByRole('row', { name: /All personal vet vad de ska göra/ })
        .textContent(),
    ).resolves.toMatch(/minst 90 %.*80 %.*Delvis uppfyllt/);
    const drugs = tab.getByRole('region', { name: 'Läkemedel', exact: true });
    await expect(drugs.getByText('Identifierade: 1').isVisible()).resolves.toBe(true);
    await expect(drugs.getByText(/^\d+ händelser? rapporterades\./).isVisible()).resolves.toBe(
      true,
    );
    await expect(tab.getByRole('button', { name: 'Skriv ut' }).isVisible()).resolves.toBe(true);
    // The board's copy: the API's tagged PDF, saved from the page.
    const [download] = await Promise.all([
      tab.waitForEvent('download'),
      tab.getByRole('button', { name: 'Ladda ner PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`sakerhetsberattelse-${year}.pdf`);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await expect(
      tab.getByText(/Kontrollsumma \(SHA-256\) för innehållet: [0-9a-f]{64}/).isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(tab, 'annual report (sv)');
    await screenshot(tab, 'annual-report-sv');
    // On paper the menu and the controls are gone; the report stays.
    await tab.emulateMedia({ media: 'print' });
    await expect(tab.getByRole('navigation').isVisible()).resolves.toBe(false);
    await expect(fire.isVisible()).resolves.toBe(true);
    await tab.context().close();

    const english = await under.page({ language: 'en' });
    await signIn(english, COORDINATOR, `/sakerhetsberattelse?year=${year}`);
    await english
      .getByRole('region', { name: 'Fire safety', exact: true })
      .getByRole('cell', { name: 'Partly met' })
      .waitFor();
    await expectAccessible(english, 'annual report (en)');
    await screenshot(english, 'annual-report-en');
    await english.context().close();

    const phone = await under.page({ viewport: PHONE });
    await signIn(phone, COORDINATOR, `/sakerhetsberattelse?year=${year}`);
    await phone.getByRole('region', { name: 'Brandsäkerhet', exact: true }).waitFor();
    await expectNoSideways(phone);
    await screenshot(phone, 'annual-report-phone-sv');
    await phone.context().close();
  });
});
