import type { Locator, Page } from 'playwright-core';
import { createKafka } from '@riskledger/messaging';
import { eventually } from '../support/running-system';
import { expectAccessible, inDays, openChange, PHONE, screenshot, signIn } from './support/browser';
import {
  consoleUnderTest,
  ADMIN_API,
  COORDINATOR_API,
  givenRisk,
  givenUnits,
  registerHolds,
} from './support/console-under-test';

/** Sign-in, language, the shell, the dashboard and what every page shares. */
describe('the web console', () => {
  const under = consoleUnderTest();

  beforeAll(async () => {
    await givenUnits(under, [
      { code: 'RV', name: 'Region Värmland', kind: 'REGION' },
      { code: 'HSV', name: 'Hälso- och sjukvård', parentCode: 'RV', kind: 'ADMINISTRATION' },
      { code: 'AVD12', name: 'Avdelning 12', parentCode: 'HSV', kind: 'UNIT' },
      { code: 'IT', name: 'IT-enheten', parentCode: 'RV', kind: 'UNIT' },
    ]);
    await givenRisk(under, {
      title: 'Olåst läkemedelsrum',
      unit: 'AVD12',
      likelihood: 4,
      consequence: 4,
    });
    await givenRisk(under, {
      title: 'Serverrum utan larm',
      unit: 'IT',
      likelihood: 5,
      consequence: 5,
      area: 'IT_SECURITY',
    });
    await registerHolds(under, 2);
  });

  it('signs in through the development issuer, which says what it is, and signs out', async () => {
    const tab = await under.page();
    await tab.goto('/');
    await tab.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    await expectAccessible(tab, 'sign-in');
    await screenshot(tab, 'sign-in-sv');
    await tab.getByRole('button', { name: 'Logga in' }).click();
    await tab.waitForURL(/utvecklingsinloggning/);
    await tab.getByText('Det här är utvecklingsutgivaren').waitFor();
    await expectAccessible(tab, 'development sign-in');
    await screenshot(tab, 'development-sign-in-sv');
    await signIn(tab, { subject: 'anna.berg', name: 'Anna Berg', role: 'SECURITY_COORDINATOR' });
    await tab.getByText('Inloggad som Anna Berg').waitFor();
    // No token is kept where a script could find it later.
    const stored = await tab.evaluate<string>(
      'JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })',
    );
    expect(stored).not.toMatch(/eyJ[\w-]+\.eyJ/);
    await tab.getByRole('button', { name: 'Logga ut' }).click();
    await tab.waitForURL(/logga-in\?utloggad/);
    await tab.getByText('Du är utloggad.').waitFor();
    await tab.context().close();
  });

  it('opens every page by its address, and a reload keeps the user signed in', async () => {
    const tab = await under.page();
    await signIn(tab, { subject: 'anna.berg', name: 'Anna Berg', role: 'SECURITY_COORDINATOR' });
    for (const path of [
      '/risker',
      '/risker/ny',
      '/incidenter',
      '/rapportera',
      '/mitt-arbete',
      '/mal',
      '/sakerhetsberattelse',
      '/tillganglighet',
      '/handelselogg',
      '/registret-som-det-var',
      '/integritet',
      '/importera',
      '/avvisade-meddelanden',
      '/sakerhetsomraden',
      '/organisationen',
      '/riskmatriser',
      '/rapporteringsskyldigheter',
      '/risker/finns/inte',
    ]) {
      await tab.goto(path);
      await tab.getByRole('heading', { level: 1 }).waitFor();
      await tab.getByText('Inloggad som Anna Berg').waitFor();
    }
    await tab.getByRole('heading', { level: 1, name: 'Sidan finns inte' }).waitFor();
    await tab.context().close();
  });

  it('speaks Swedish first, switches to English in one click and remembers it', async () => {
    const tab = await under.page();
    await signIn(tab, { subject: 'anna.berg', name: 'Anna Berg', role: 'SECURITY_COORDINATOR' });
    await expect(tab.locator('html').getAttribute('lang')).resolves.toBe('sv');
    await tab.getByRole('button', { name: 'Switch to English' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await expect(tab.locator('html').getAttribute('lang')).resolves.toBe('en');
    await tab.reload();
    await tab.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await tab.getByRole('button', { name: 'Byt till svenska' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    await tab.context().close();
  });

  it('shows the dashboard: heat maps as tables with levels in words, counts that open the register', async () => {
    for (const language of ['sv', 'en'] as const) {
      const tab = await under.page({ language });
      await signIn(tab, { subject: 'anna.berg', name: 'Anna Berg', role: 'SECURITY_COORDINATOR' });
      const current = tab.getByRole('table', {
        name: language === 'sv' ? /^Nuvarande risk/ : /^Current risk/,
      });
      await current.waitFor();
      // Likelihood 5 × consequence 5: the very high IT risk, its level in words.
      const cell = current.getByRole('link', {
        name:
          language === 'sv'
            ? /1 risker med sannolikhet 5 och konsekvens 5, nivå Mycket hög/
            : /1 risks with likelihood 5 and consequence 5, level Very high/,
      });
      await cell.waitFor();
      await tab
        .getByRole('heading', {
          name: language === 'sv' ? 'Riskregistret över tid' : 'The register over time',
        })
        .waitFor();
      await expectAccessible(tab, `dashboard (${language})`);
      await screenshot(tab, `dashboard-${language}`);
      if (language === 'sv') {
        await cell.click();
        await tab.waitForURL(/\/risker\?/);
        expect(new URL(tab.url()).searchParams.get('likelihood')).toBe('5');
      }
      await tab.context().close();
    }
    const phone = await under.page({ viewport: PHONE });
    await signIn(phone, { subject: 'anna.berg', name: 'Anna Berg', role: 'SECURITY_COORDINATOR' });
    await phone.getByRole('table', { name: /^Nuvarande risk/ }).waitFor();
    await screenshot(phone, 'dashboard-phone-sv');
    await phone.context().close();
  });

  it("never shows a unit-limited risk owner another unit's risk in the dashboard's counts", async () => {
    const tab = await under.page();
    await signIn(tab, {
      subject: 'ward.manager',
      name: 'Ward Manager',
      role: 'RISK_OWNER',
      units: ['AVD12'],
    });
    const current = tab.getByRole('table', { name: /^Nuvarande risk/ });
    await current.waitFor();
    await current
      .getByRole('link', { name: /1 risker med sannolikhet 4 och konsekvens 4/ })
      .waitFor();
    await expect(
      current.getByRole('link', { name: /sannolikhet 5 och konsekvens 5/ }).count(),
    ).resolves.toBe(0);
    const byArea = tab.getByRole('table', { name: 'Öppna risker per säkerhetsområde och nivå' });
    await byArea.getByText('Läkemedel').waitFor();
    await expect(byArea.getByText('IT-säkerhet').count()).resolves.toBe(0);
    await tab.context().close();
  });

  it('shows a coordinator the heat map change after they reassess a risk on its page', async () => {
    const tab = await under.page();
    await signIn(tab, { subject: 'anna.berg', name: 'Anna Berg', role: 'SECURITY_COORDINATOR' });
    const current = tab.getByRole('table', { name: /^Nuvarande risk/ });
    await current.getByRole('link', { name: /sannolikhet 4 och konsekvens 4/ }).click();
    await tab.waitForURL(/\/risker\?/);
    await tab.getByRole('link', { name: 'Olåst läkemedelsrum' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Olåst läkemedelsrum' }).waitFor();
    await openChange(tab, 'Bedöm risken');
    await tab.getByLabel('Vad bedömer du?').selectOption('CURRENT');
    await tab
      .getByRole('radiogroup', { name: 'Sannolikhet' })
      .getByRole('radio', { name: /^2 / })
      .check({ force: true });
    await tab
      .getByRole('radiogroup', { name: 'Konsekvens' })
      .getByRole('radio', { name: /^4 / })
      .check({ force: true });
    await tab.getByLabel('Motivering').fill('Kortläsaren är på plats');
    await tab.getByRole('button', { name: 'Spara bedömningen' }).click();
    await tab.getByText('Bedömningen är sparad.').waitFor();
    await tab.getByRole('link', { name: 'Översikt' }).click();
    // The register follows the log within moments; the dashboard shows the risk in its new cell.
    await eventually(async () => {
      await tab.reload();
      const moved = tab
        .getByRole('table', { name: /^Nuvarande risk/ })
        .getByRole('link', { name: /1 risker med sannolikhet 2 och konsekvens 4, nivå Medel/ });
      await moved.waitFor({ timeout: 5000 });
      return true;
    }, 60_000);
    await expect(
      tab
        .getByRole('table', { name: /^Nuvarande risk/ })
        .getByRole('link', { name: /sannolikhet 4 och konsekvens 4/ })
        .count(),
    ).resolves.toBe(0);
    await tab.context().close();
  });

  it('returns an expired session to sign-in and keeps a half-filled form', async () => {
    const tab = await under.page();
    await signIn(
      tab,
      { subject: 'nils.ek', name: 'Nils Ek', role: 'REPORTER', sessionMinutes: 0.25 },
      '/rapportera',
    );
    await tab.getByLabel('Vad hände? (rubrik)').fill('Brandlarmet tjöt utan orsak');
    // The session lasts 15 seconds; then the console says so, and the draft stays in this tab.
    await tab.getByText('Din session har gått ut.').waitFor({ timeout: 120_000 });
    await signIn(tab, { subject: 'nils.ek', name: 'Nils Ek', role: 'REPORTER' }, tab.url());
    await expect(tab.getByLabel('Vad hände? (rubrik)').inputValue()).resolves.toBe(
      'Brandlarmet tjöt utan orsak',
    );
    await tab.context().close();
  });

  it('tells a reporter who opens the register which roles may, in words', async () => {
    const tab = await under.page();
    await signIn(tab, { subject: 'nils.ek', name: 'Nils Ek', role: 'REPORTER' }, '/risker');
    await tab
      .getByText(
        'Din roll får inte göra detta. Det kräver rollen administratör, säkerhetssamordnare, områdesansvarig, riskägare eller utredare; du har rapportör.',
      )
      .waitFor();
    await tab.context().close();
  });

  it('shows the accessibility statement to anyone, in both languages', async () => {
    for (const language of ['sv', 'en'] as const) {
      const tab = await under.page({ language });
      await tab.goto('/tillganglighet');
      await tab
        .getByRole('heading', {
          level: 1,
          name: language === 'sv' ? 'Tillgänglighetsredogörelse' : 'Accessibility statement',
        })
        .waitFor();
      await expectAccessible(tab, `accessibility statement (${language})`);
      await screenshot(tab, `accessibility-statement-${language}`);
      await tab.context().close();
    }
  });

  it('shows a risk owner their work on a phone, and a coordinator the incidents waiting', async () => {
    const found = await under.api.get('/risks?q=Olåst', COORDINATOR_API);
    const riskId = found.body.items[0].riskId as string;
    const reviewed = await under.api.post(
      `/risks/${riskId}/reviews`,
      { notes: 'Kortläsaren är beställd', nextReviewDate: inDays(10) },
      COORDINATOR_API,
    );
    expect(reviewed.status).toBe(201);
    const accepted = await under.api.post(
      `/risks/${riskId}/acceptances`,
      { justification: 'Kortläsaren monteras i januari', lapsesOn: inDays(20) },
      COORDINATOR_API,
    );
    expect(accepted.status).toBe(201);
    await eventually(async () => {
      const lapsing = await under.api.get(
        `/risks?owner=ward.manager&acceptanceLapsesBefore=${inDays(30)}`,
        COORDINATOR_API,
      );
      return lapsing.body.total === 1 ? true : undefined;
    });

    const phone = await under.page({ viewport: PHONE });
    await signIn(phone, { subject: 'ward.manager', name: 'Karin Ek', role: 'RISK_OWNER' });
    // On a phone the menu is folded behind one button.
    await expect(phone.getByRole('link', { name: 'Mitt arbete' }).isVisible()).resolves.toBe(false);
    await phone.getByRole('button', { name: 'Meny' }).click();
    await phone.getByRole('link', { name: 'Mitt arbete' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Mitt arbete' }).waitFor();
    const reviews = phone.getByRole('region', { name: /^Mina risker att granska \(1\)/ });
    await reviews.getByText(/granskas senast \d{4}-\d{2}-\d{2}$/).waitFor();
    const lapsing = phone.getByRole('region', { name: /^Acceptanser som löper ut \(1\)/ });
    await lapsing.getByText(/acceptansen gäller till och med \d{4}-\d{2}-\d{2}$/).waitFor();
    await expect(
      phone
        .getByRole('region', { name: /^Försenade åtgärder/ })
        .getByText('Inga åtgärder på dina risker är försenade.')
        .isVisible(),
    ).resolves.toBe(true);
    // A risk owner does not investigate incidents: that list is not theirs.
    await expect(
      phone.getByRole('region', { name: /^Händelser att utreda/ }).count(),
    ).resolves.toBe(0);
    await expectAccessible(phone, 'my work (phone)');
    await screenshot(phone, 'my-work-phone-sv');
    await reviews.getByRole('link', { name: 'Olåst läkemedelsrum' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Olåst läkemedelsrum' }).waitFor();
    await phone.context().close();

    const english = await under.page({ language: 'en' });
    await signIn(
      english,
      { subject: 'anna.berg', name: 'Anna Berg', role: 'SECURITY_COORDINATOR' },
      '/mitt-arbete',
    );
    await english
      .getByRole('region', { name: /^Incidents to investigate/ })
      .getByText('No reported incident is waiting to be investigated.')
      .waitFor();
    await expectAccessible(english, 'my work (en)');
    await screenshot(english, 'my-work-en');
    await english.context().close();
  });

  it('lets an administrator see a message the read models set aside, and send it back', async () => {
    // A message no reader can take, on the risk topic of this system.
    const kafka = createKafka({
      clientId: `${under.system.topicPrefix}-poison`,
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: `${under.system.topicPrefix}.risk`,
      messages: [{ key: 'not-a-risk', value: '{"this is": "not an event"' }],
    });
    await producer.disconnect();
    await eventually(async () => {
      const { body } = await under.api.get('/dead-letters?pending=true', ADMIN_API);
      return Array.isArray(body) && body.length > 0 ? true : undefined;
    });

    const tab = await under.page();
    await signIn(tab, { subject: 'admin', name: 'Ada Admin', role: 'ADMINISTRATOR' });
    await tab.getByRole('link', { name: 'Avvisade meddelanden' }).click();
    const letter = tab.getByRole('article', { name: 'Felaktigt meddelande' });
    await letter.getByText('Aldrig').waitFor();
    await expectAccessible(tab, 'dead letters (sv)');
    await screenshot(tab, 'dead-letters-sv');
    await letter.getByRole('button', { name: 'Skicka om' }).click();
    // Sent back, it leaves those waiting (no reader can take it, so it soon comes back as a new
    // one); among them all, the first says who sent it back.
    await tab.getByText('Visa även de som redan skickats om').click();
    await tab.getByText(/^En gång, senast av admin /).waitFor();
    await tab.context().close();

    const english = await under.page({ language: 'en' });
    await signIn(english, { subject: 'admin', role: 'ADMINISTRATOR' }, '/avvisade-meddelanden');
    await english.getByText('Also show those already re-driven').click();
    await english.getByRole('article', { name: 'Malformed message' }).first().waitFor();
    await expectAccessible(english, 'dead letters (en)');
    await screenshot(english, 'dead-letters-en');
    await english.context().close();
  });

  it('lets an administrator add a security area, appoint its responsible and retire it', async () => {
    const tab = await under.page();
    await signIn(tab, { subject: 'admin', name: 'Ada Admin', role: 'ADMINISTRATOR' });
    await tab.getByRole('link', { name: 'Säkerhetsområden' }).click();
    await tab.getByRole('article', { name: 'Brandsäkerhet' }).waitFor();
    await tab.getByLabel('Kod').fill('PHYSICAL_SECURITY');
    await tab.getByLabel('Namn på svenska').fill('Fysisk säkerhet');
    await tab.getByLabel('Namn på engelska').fill('Physical security');
    await tab.getByRole('button', { name: 'Lägg till området' }).click();
    const area = tab.getByRole('article', { name: 'Fysisk säkerhet' });
    await area.getByText('Ansvarig: ingen utsedd').waitFor();

    await openChange(tab, 'Utse ansvarig för Fysisk säkerhet');
    await area.getByLabel('Ansvarig (användar-id)').fill('kim.lind');
    await area.getByRole('button', { name: 'Spara ansvarig' }).click();
    await area.getByText('Ansvarig: kim.lind').waitFor();
    await expectAccessible(tab, 'security areas (sv)');
    await screenshot(tab, 'security-areas-sv');

    await openChange(tab, 'Ta Fysisk säkerhet ur bruk');
    await area.getByLabel('Varför').fill('Ingår i brottsförebyggande arbete');
    await area.getByRole('button', { name: 'Ta ur bruk' }).click();
    await area.getByText(/taget ur bruk: Ingår i brottsförebyggande arbete/).waitFor();
    await tab.context().close();

    const english = await under.page({ language: 'en' });
    await signIn(english, { subject: 'admin', role: 'ADMINISTRATOR' }, '/sakerhetsomraden');
    await english.getByRole('article', { name: 'Physical security' }).waitFor();
    await expectAccessible(english, 'security areas (en)');
    await screenshot(english, 'security-areas-en');
    await english.context().close();
  });

  /** A unit's name as the tree shows it (the move forms' options name it too). */
  const unitIn = (within: Locator | Page, name: string) =>
    within.locator('strong', { hasText: new RegExp(`^${name}$`) });

  it('lets an administrator register a unit in the tree and move it under another', async () => {
    const tab = await under.page();
    await signIn(tab, { subject: 'admin', name: 'Ada Admin', role: 'ADMINISTRATOR' });
    await tab.getByRole('link', { name: 'Organisationen' }).click();
    const tree = tab.getByRole('list', { name: 'Organisationsträdet' });
    await unitIn(tree, 'Avdelning 12').waitFor();
    await tab.getByLabel('Kod').fill('LAB');
    await tab.getByLabel('Namn', { exact: true }).last().fill('Laboratoriet');
    await tab.getByLabel('Överordnad enhet', { exact: true }).selectOption('HSV');
    await tab.getByRole('button', { name: 'Registrera enheten' }).click();
    // Under Hälso- och sjukvård: in its list item (the innermost that holds its name).
    const underHealth = tree
      .getByRole('listitem')
      .filter({ has: unitIn(tab, 'Hälso- och sjukvård') })
      .last();
    await unitIn(underHealth, 'Laboratoriet').waitFor();

    await openChange(tab, 'Flytta Laboratoriet');
    await tab.locator('details[open]').getByLabel('Ny överordnad enhet').selectOption('IT');
    await tab.locator('details[open]').getByRole('button', { name: 'Flytta', exact: true }).click();
    const underIt = tree
      .getByRole('listitem')
      .filter({ has: unitIn(tab, 'IT-enheten') })
      .last();
    await unitIn(underIt, 'Laboratoriet').waitFor();
    await expect(unitIn(underHealth, 'Laboratoriet').count()).resolves.toBe(0);
    await expectAccessible(tab, 'organisation (sv)');
    await screenshot(tab, 'organisation-sv');
    await tab.context().close();

    const english = await under.page({ language: 'en' });
    await signIn(english, { subject: 'admin', role: 'ADMINISTRATOR' }, '/organisationen');
    await english
      .getByRole('list', { name: 'The organisational tree' })
      .locator('strong', { hasText: /^Laboratoriet$/ })
      .waitFor();
    await expectAccessible(english, 'organisation (en)');
    await screenshot(english, 'organisation-en');
    await english.context().close();
  });

  // Last in the file: a new matrix version makes every assessed risk need review from then on.
  it('lets an administrator publish a matrix after seeing its preview', async () => {
    const riskId = await givenRisk(under, {
      title: 'Obevakad reservkraft',
      unit: 'IT',
      likelihood: 2,
      consequence: 4,
      area: 'OPERATIONAL_RELIABILITY',
    });
    await eventually(async () => {
      const { status } = await under.api.get(`/risks/${riskId}`, COORDINATOR_API);
      return status === 200 ? true : undefined;
    });
    const tab = await under.page();
    await signIn(tab, { subject: 'admin', name: 'Ada Admin', role: 'ADMINISTRATOR' });
    await tab.getByRole('link', { name: 'Riskmatriser' }).click();
    await tab.getByRole('heading', { level: 1, name: 'Riskmatriser' }).waitFor();
    const current = tab.getByRole('region', {
      name: 'Version 1: nivåer, mandat och längsta acceptans',
    });
    const highest = current.getByRole('row').filter({ hasText: '17–25' });
    await expect(highest.innerText()).resolves.toMatch(
      /^Mycket hög\s+17–25\s+Ingen: risken ska åtgärdas\s+Får inte accepteras$/,
    );
    await tab.getByText('Version 1, publicerad').waitFor();

    // Medium up to 7 instead of 9: a 2 × 4 risk (8) would be high.
    await tab.getByLabel('Högsta riskvärde för Medel').fill('7');
    await tab.getByLabel('Högsta riskvärde för Medel').press('Tab');
    const proposal = tab.getByRole('table', { name: /^Förslaget till version 2/ });
    await expect(proposal.getByRole('row').nth(4).innerText()).resolves.toMatch(/8\s+Hög/);
    await tab.getByRole('button', { name: 'Förhandsgranska' }).click();
    await tab.getByText(/av \d+ bedömda öppna risker skulle få en annan nivå/).waitFor();
    const changes = tab.getByRole('region', { name: 'Risker som skulle få en annan nivå' });
    const changed = changes.getByRole('row').filter({ hasText: 'Obevakad reservkraft' });
    // Units are named from the organisation, which may arrive after the preview: until then the
    // cell shows the unit's code.
    await changed.getByRole('cell', { name: 'IT-enheten', exact: true }).waitFor();
    await expect(changed.innerText()).resolves.toMatch(
      /Driftsäkerhet\s+IT-enheten\s+2 × 4 = 8\s+Medel\s+Hög/,
    );
    await expect(
      changes.getByRole('row').filter({ hasText: 'Serverrum utan larm' }).count(),
    ).resolves.toBe(0);
    await expect(
      changed.getByRole('link', { name: 'Obevakad reservkraft' }).getAttribute('href'),
    ).resolves.toBe(`/risker/${riskId}`);
    await expectAccessible(tab, 'risk matrices preview (sv)');
    await screenshot(tab, 'risk-matrices-preview-sv');

    await tab.getByRole('button', { name: 'Publicera version 2' }).click();
    await tab.getByText('Publicera version 2? Den gäller för alla bedömningar').waitFor();
    await tab.getByRole('button', { name: 'Ja, publicera version 2' }).click();
    await tab.getByText('Version 2 är publicerad och gäller från och med nu.').waitFor();
    await tab.getByText(/^Version 2, publicerad .* av admin\.$/).waitFor();
    await tab
      .getByRole('region', { name: 'Version 2: nivåer, mandat och längsta acceptans' })
      .getByRole('row')
      .filter({ hasText: '4–7' })
      .waitFor();
    await tab.getByRole('heading', { name: 'Ny version (3)' }).waitFor();
    await tab.context().close();

    const english = await under.page({ language: 'en' });
    await signIn(english, { subject: 'admin', role: 'ADMINISTRATOR' }, '/riskmatriser');
    await english.getByText(/^Version 2, published .* by admin\.$/).waitFor();
    await english.getByRole('button', { name: 'Preview' }).click();
    await english.getByText(/of \d+ assessed open risks would get another level/).waitFor();
    await expectAccessible(english, 'risk matrices (en)');
    await screenshot(english, 'risk-matrices-en');
    await english.context().close();

    const phone = await under.page({ viewport: PHONE });
    await signIn(phone, { subject: 'admin', role: 'ADMINISTRATOR' }, '/riskmatriser');
    await phone.getByRole('table', { name: /^Version 2: riskvärde och nivå/ }).waitFor();
    await expect(phone.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBe(360);
    await expectAccessible(phone, 'risk matrices (phone)');
    await screenshot(phone, 'risk-matrices-phone-sv');
    await phone.context().close();
  });
});
