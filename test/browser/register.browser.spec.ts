import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  expectAccessible,
  newContext,
  PHONE,
  screenshot,
  signIn,
  type TestUser,
} from './support/browser';
import {
  consoleUnderTest,
  givenRisk,
  givenUnits,
  registerHolds,
} from './support/console-under-test';

const ANNA: TestUser = { subject: 'anna.berg', name: 'Anna Berg', role: 'SECURITY_COORDINATOR' };
const WARD_MANAGER: TestUser = {
  subject: 'karin.ek',
  name: 'Karin Ek',
  role: 'RISK_OWNER',
  units: ['AVD12'],
};

/** [title, area, unit, likelihood, consequence]: a register a region could have. */
const SEEDS: [string, string, string, number, number][] = [
  ['Serverrum utan inbrottslarm', 'IT_SECURITY', 'IT', 5, 5],
  ['Olåst läkemedelsrum på avdelning 12', 'PHARMACEUTICALS', 'AVD12', 4, 4],
  ['Brandcellsgräns bruten vid kulvert', 'FIRE_SAFETY', 'AVD12', 2, 5],
  ['Delade inloggningar i journalsystemet', 'INFORMATION_SECURITY', 'AVD12', 4, 3],
  ['Reservkraften provas inte regelbundet', 'OPERATIONAL_RELIABILITY', 'HSV', 2, 4],
  ['Hot mot personal i akutens väntrum', 'WORK_ENVIRONMENT', 'AKUT', 4, 3],
  ['Smittspridning vid överbeläggning', 'INFECTION_CONTROL', 'AKUT', 3, 4],
  ['Föråldrade infusionspumpar', 'MEDICAL_TECHNICAL_SAFETY', 'AKUT', 2, 3],
  ['Kemikalieförråd utan förteckning', 'ENVIRONMENT_DANGEROUS_GOODS', 'HSV', 2, 2],
  ['Obehöriga i kulvertsystemet nattetid', 'CRIME_PREVENTION', 'HSV', 3, 3],
  ['Oklar ledning vid särskild händelse', 'CRISIS_PREPAREDNESS', 'RV', 2, 5],
  ['Handhygien brister vid hög belastning', 'HOSPITAL_HYGIENE', 'AVD12', 3, 3],
  ['Fel patient vid provtagning', 'PATIENT_SAFETY', 'AKUT', 2, 4],
  ['Strålskydd vid mobil röntgen', 'RADIATION_SAFETY', 'AKUT', 1, 4],
  ['Sårbar fjärråtkomst för leverantör', 'IT_SECURITY', 'IT', 3, 5],
  ['Säkerhetskopior återläses aldrig', 'IT_SECURITY', 'IT', 3, 4],
  ['Läkemedelsskåp med delad kod', 'PHARMACEUTICALS', 'AVD12', 3, 3],
  ['Utrymningsvägar blockeras av sängar', 'FIRE_SAFETY', 'AVD12', 3, 4],
  ['Ensamarbete nattetid', 'WORK_ENVIRONMENT', 'AVD12', 2, 3],
  ['Papperslistor med patientuppgifter', 'INFORMATION_SECURITY', 'AVD12', 3, 2],
  ['Vattenskada i serverhallen', 'OPERATIONAL_RELIABILITY', 'IT', 1, 5],
  ['Otillräcklig isolering av smittsamma patienter', 'INFECTION_CONTROL', 'AVD12', 2, 4],
  ['Stöld av medicinteknisk utrustning', 'CRIME_PREVENTION', 'AVD12', 2, 2],
  ['Bristande kontinuitetsplan för IT-avbrott', 'CRISIS_PREPAREDNESS', 'IT', 3, 4],
  ['Sen upptäckt av försämrade patienter', 'PATIENT_SAFETY', 'AVD12', 3, 4],
  ['Syrgasflaskor förvaras fel', 'ENVIRONMENT_DANGEROUS_GOODS', 'AVD12', 1, 3],
];

const IN_WARD = SEEDS.filter(([, , unit]) => unit === 'AVD12').length;

/** The register and the identify form, clicked through as the people who use them would. */
describe('the risk register and the identify form', () => {
  const under = consoleUnderTest();

  beforeAll(async () => {
    await givenUnits(under, [
      { code: 'RV', name: 'Region Värmland', kind: 'REGION' },
      { code: 'HSV', name: 'Hälso- och sjukvård', parentCode: 'RV', kind: 'ADMINISTRATION' },
      { code: 'AVD12', name: 'Avdelning 12', parentCode: 'HSV', kind: 'UNIT' },
      { code: 'AKUT', name: 'Akutmottagningen', parentCode: 'HSV', kind: 'UNIT' },
      { code: 'IT', name: 'IT-enheten', parentCode: 'RV', kind: 'UNIT' },
    ]);
    for (const [title, area, unit, likelihood, consequence] of SEEDS) {
      await givenRisk(under, {
        title,
        area,
        unit,
        likelihood,
        consequence,
        owner: unit === 'AVD12' ? 'karin.ek' : 'per.holm',
        scenario: { cause: 'brister i rutinerna', event: 'något går fel', consequence: 'skada' },
      });
    }
    await registerHolds(under, SEEDS.length);
  });

  async function signedIn(
    user: TestUser,
    path: string,
    options: Parameters<typeof newContext>[2] = {},
  ): Promise<Page> {
    const tab = await under.page(options);
    await signIn(tab, user, path);
    return tab;
  }

  const count = (tab: Page) => tab.getByRole('status').filter({ hasText: /^(Visar|Showing) / });
  /** Waits until the register says it shows exactly this (the page updates after each click). */
  const showing = (tab: Page, text: string | RegExp) =>
    tab
      .getByRole('status')
      .filter({ hasText: typeof text === 'string' ? new RegExp(`^${text}$`) : text })
      .waitFor();
  const select = (tab: Page, name: string) => tab.getByRole('combobox', { name, exact: true });
  const field = (tab: Page, name: string) => tab.getByRole('textbox', { name, exact: true });
  const search = (tab: Page) => tab.getByRole('searchbox', { name: 'Sök i registret' });
  const identifyForm = async (tab: Page) => {
    await tab.getByRole('link', { name: /^Identifiera risk|^Identify a risk/ }).click();
    await tab.getByRole('heading', { level: 2, name: /^(Risken|The risk)$/ }).waitFor();
  };
  const rowLink = (tab: Page, title: string) =>
    tab.getByRole('table').getByRole('link', { name: title, exact: true });

  it('lets a coordinator identify a risk by the form and find it by free text and by area', async () => {
    const tab = await signedIn(ANNA, '/risker');
    await showing(tab, `Visar 1–25 av ${SEEDS.length}`);
    await tab.getByRole('link', { name: 'Identifiera risk' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Identifiera risk' }).waitFor();

    await field(tab, 'Titel').fill('Passerkort spärras inte när anställda slutar');
    await field(tab, 'På grund av (orsak)').fill('att HR inte meddelar passersystemet');
    await field(tab, 'inträffar (händelse)').fill('att före detta anställda kommer in');
    await field(tab, 'vilket leder till (konsekvens)').fill('stöld eller sabotage');
    await expect(tab.locator('.scenario-preview').textContent()).resolves.toContain(
      'På grund av att HR inte meddelar passersystemet inträffar att före detta anställda kommer in, vilket leder till stöld eller sabotage.',
    );
    await select(tab, 'Säkerhetsområde').selectOption('CRIME_PREVENTION');
    await select(tab, 'Organisatorisk enhet').selectOption('HSV');
    await tab.getByText(/^Fler säkerhetsområden/).click();
    await tab.locator('label.checkbox', { hasText: 'Informationssäkerhet' }).click();
    await field(tab, 'Riskägare (valfritt)').fill('anna.berg');
    await select(tab, 'Sannolikhet').selectOption('3');
    await select(tab, 'Konsekvens').selectOption('4');
    await expect(tab.locator('.assessment-result').textContent()).resolves.toMatch(
      /riskvärde 12 och risknivån Hög/,
    );
    await tab.getByRole('button', { name: 'Identifiera risk' }).click();
    await tab.waitForURL(/\/risker\/[0-9a-f-]{36}$/);

    // Free text: the search box finds it by a word of its scenario.
    await tab.getByRole('link', { name: 'Riskregister', exact: true }).click();
    await search(tab).fill('passersystemet');
    await tab.getByRole('button', { name: 'Sök', exact: true }).click();
    await rowLink(tab, 'Passerkort spärras inte när anställda slutar').waitFor();
    await showing(tab, 'Visar 1–1 av 1');
    expect(new URL(tab.url()).searchParams.get('q')).toBe('passersystemet');
    await tab.getByRole('button', { name: /^Ta bort filtret Sökord/ }).click();
    await showing(tab, `Visar 1–25 av ${SEEDS.length + 1}`);

    // The area filter: its additional area counts too; the address holds the view, to share.
    await select(tab, 'Säkerhetsområde').selectOption('INFORMATION_SECURITY');
    await rowLink(tab, 'Passerkort spärras inte när anställda slutar').waitFor();
    await showing(tab, 'Visar 1–3 av 3');
    await expect(rowLink(tab, 'Serverrum utan inbrottslarm').count()).resolves.toBe(0);
    const shared = new URL(tab.url());
    expect(shared.searchParams.get('area')).toBe('INFORMATION_SECURITY');
    await tab.context().close();
    const other = await signedIn(ANNA, shared.pathname + shared.search);
    await rowLink(other, 'Delade inloggningar i journalsystemet').waitFor();
    await showing(other, 'Visar 1–3 av 3');
    await expect(select(other, 'Säkerhetsområde').inputValue()).resolves.toBe(
      'INFORMATION_SECURITY',
    );
    await other.context().close();
  });

  it('sorts by a column, pages on the server and shows a 400 beside the field it names', async () => {
    const tab = await signedIn(ANNA, '/risker');
    await count(tab).waitFor();
    const header = tab.getByRole('columnheader', { name: 'Nuvarande nivå' });
    await header.getByRole('button').click();
    await tab.locator('th[aria-sort="ascending"]', { hasText: 'Nuvarande nivå' }).waitFor();
    expect(new URL(tab.url()).searchParams.get('sort')).toBe('level');
    await header.getByRole('button').click();
    await tab.locator('th[aria-sort="descending"]', { hasText: 'Nuvarande nivå' }).waitFor();
    // The one very high risk comes first.
    await tab
      .getByRole('table')
      .getByRole('row')
      .nth(1)
      .filter({ hasText: 'Serverrum utan inbrottslarm' })
      .waitFor();
    await tab.getByRole('button', { name: 'Nästa', exact: true }).click();
    await showing(tab, /^Visar 26–\d+ av \d+$/);
    expect(new URL(tab.url()).searchParams.get('offset')).toBe('25');

    // A title of spaces passes the browser's check and is refused by the API, beside the field.
    await identifyForm(tab);
    await field(tab, 'Titel').fill('   ');
    await field(tab, 'På grund av (orsak)').fill('en orsak');
    await field(tab, 'inträffar (händelse)').fill('en händelse');
    await field(tab, 'vilket leder till (konsekvens)').fill('en konsekvens');
    await select(tab, 'Säkerhetsområde').selectOption('FIRE_SAFETY');
    await select(tab, 'Organisatorisk enhet').selectOption('AVD12');
    await tab.getByRole('button', { name: 'Identifiera risk' }).click();
    await tab.getByText('Uppgifterna behöver rättas: se fälten nedan.').waitFor();
    const title = field(tab, 'Titel');
    await expect(title.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await title.getAttribute('aria-describedby')) ?? '';
    const said = await Promise.all(
      describedBy.split(' ').map((id) => tab.locator(`[id="${id}"]`).textContent()),
    );
    expect(said.join(' ')).toMatch(/title/);
    // What was typed is kept as a draft when the user leaves the form and comes back.
    await tab.getByRole('link', { name: 'Avbryt' }).click();
    await identifyForm(tab);
    await expect(field(tab, 'På grund av (orsak)').inputValue()).resolves.toBe('en orsak');
    await tab.context().close();
  });

  it("never shows a unit-limited risk owner another unit's risk: not in the table, the total or the CSV", async () => {
    const tab = await signedIn(WARD_MANAGER, '/risker?limit=50');
    await showing(tab, `Visar 1–${IN_WARD} av ${IN_WARD}`);
    await rowLink(tab, 'Olåst läkemedelsrum på avdelning 12').waitFor();
    await expect(rowLink(tab, 'Serverrum utan inbrottslarm').count()).resolves.toBe(0);
    await expect(tab.getByRole('table').getByText('IT-enheten').count()).resolves.toBe(0);

    // Searching for the other unit's risk by name finds nothing.
    await search(tab).fill('Serverrum');
    await tab.getByRole('button', { name: 'Sök', exact: true }).click();
    await tab.getByText('Inga risker matchar filtren').waitFor();
    await tab.getByRole('button', { name: /^Ta bort filtret Sökord/ }).click();
    await count(tab).waitFor();

    const [download] = await Promise.all([
      tab.waitForEvent('download'),
      tab.getByRole('button', { name: 'Exportera till CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^riskregister-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(IN_WARD + 1);
    expect(csv).toContain('Olåst läkemedelsrum på avdelning 12');
    expect(csv).not.toContain('Serverrum utan inbrottslarm');
    expect(csv).not.toContain('IT-enheten');

    // The same rows as a spreadsheet: an xlsx file (a zip) of today.
    const [sheet] = await Promise.all([
      tab.waitForEvent('download'),
      tab.getByRole('button', { name: 'Exportera till Excel (xlsx)' }).click(),
    ]);
    expect(sheet.suggestedFilename()).toMatch(/^riskregister-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(
      readFileSync((await sheet.path()) as string)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await tab.context().close();
  });

  it('shows the filters a dashboard link sets as chips that can be removed', async () => {
    const tab = await signedIn(
      ANNA,
      '/risker?status=OPEN&basis=CURRENT&likelihood=5&consequence=5',
    );
    const chip = tab.getByRole('listitem').filter({
      hasText: 'Värmekartan: Nuvarande risk, sannolikhet 5 × konsekvens 5',
    });
    await chip.waitFor();
    await showing(tab, 'Visar 1–1 av 1');
    await rowLink(tab, 'Serverrum utan inbrottslarm').waitFor();
    await chip.getByRole('button').click();
    await showing(tab, /^Visar 1–25 av \d+$/);
    const url = new URL(tab.url());
    expect(url.searchParams.has('basis')).toBe(false);
    expect(url.searchParams.has('likelihood')).toBe(false);
    expect(url.searchParams.get('status')).toBe('OPEN');
    await tab.context().close();
  });

  it.each(['sv', 'en'] as const)(
    'is accessible in %s, register and identify form',
    async (language) => {
      const tab = await signedIn(ANNA, '/risker', { language });
      await count(tab).waitFor();
      await expectAccessible(tab, `register (${language})`);
      await screenshot(tab, `register-${language}`);
      await identifyForm(tab);
      await tab
        .getByRole('textbox', {
          name: language === 'sv' ? 'På grund av (orsak)' : 'Because of (cause)',
          exact: true,
        })
        .fill(language === 'sv' ? 'en trasig dörrstängare' : 'a broken door closer');
      await select(tab, language === 'sv' ? 'Sannolikhet' : 'Likelihood').selectOption('4');
      await select(tab, language === 'sv' ? 'Konsekvens' : 'Consequence').selectOption('3');
      await expectAccessible(tab, `identify form (${language})`);
      await screenshot(tab, `identify-risk-${language}`);
      await tab.context().close();
    },
  );

  it('works on a phone: the table scrolls in its own box, the page is no wider than the screen', async () => {
    const phone = await signedIn(ANNA, '/risker', { viewport: PHONE });
    await count(phone).waitFor();
    await expectAccessible(phone, 'register (phone)');
    await screenshot(phone, 'register-phone-sv');
    const pageWidth = () => phone.evaluate<number>('document.documentElement.scrollWidth');
    await expect(pageWidth()).resolves.toBeLessThanOrEqual(PHONE.width);
    await identifyForm(phone);
    await expectAccessible(phone, 'identify form (phone)');
    await screenshot(phone, 'identify-risk-phone-sv');
    await expect(pageWidth()).resolves.toBeLessThanOrEqual(PHONE.width);
    await phone.context().close();
  });
});
