import { createHash } from 'node:crypto';
import { expectAccessible, screenshot, signIn } from './support/browser';
import {
  consoleUnderTest,
  COORDINATOR_API,
  givenUnits,
  registerHolds,
} from './support/console-under-test';

/**
 * The import page: the dry run's report, by row and column, comes before any import; what is
 * imported reaches the register.
 */
describe('the import page', () => {
  const under = consoleUnderTest();

  beforeAll(async () => {
    await givenUnits(under, [
      { code: 'RV', name: 'Region Värmland', kind: 'REGION' },
      { code: 'AVD12', name: 'Avdelning 12', parentCode: 'RV', kind: 'UNIT' },
    ]);
  });

  it('shows every problem of a file, imports nothing from it, then imports a good file', async () => {
    const tab = await under.page();
    const coordinator = { subject: 'anna.berg', name: 'Anna Berg', role: 'SECURITY_COORDINATOR' };
    await signIn(tab, coordinator, '/importera');
    await tab.getByRole('link', { name: 'Importera', exact: true }).waitFor();
    await tab.getByRole('heading', { level: 1, name: 'Importera' }).waitFor();
    const csv = (...rows: string[]) => ({
      name: 'risker.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['Titel;Beskrivning;Säkerhetsområde;Enhet', ...rows].join('\r\n')),
    });

    const file = tab.getByLabel('Fil (CSV eller Excel)');
    await file.setInputFiles(csv('Olåst rum;Dörren står öppen.;PHARMACEUTICALS;AVD99'));
    await tab.getByRole('button', { name: 'Kontrollera filen' }).click();
    await tab.getByRole('alert').getByText('1 problem i filen.', { exact: false }).waitFor();
    const problem = tab.getByRole('row', { name: /^2 Enhet/ });
    await problem
      .getByText('”AVD99” är ingen registrerad, öppen enhet (ange enhetens kod)')
      .waitFor();
    expect(await tab.getByRole('button', { name: /^Importera \d/ }).count()).toBe(0);
    await expectAccessible(tab, 'import with problems');
    await screenshot(tab, 'import-problems-sv');

    const good = csv('Olåst rum;Dörren står öppen.;PHARMACEUTICALS;AVD12');
    await file.setInputFiles(good);
    await tab.getByRole('button', { name: 'Kontrollera filen' }).click();
    await tab
      .getByRole('status')
      .getByText(/^Filen är i ordning. Rader: 1; kan importeras: 1;/)
      .waitFor();
    await tab.getByRole('button', { name: 'Importera 1 rad' }).click();
    await tab.getByText('Klart. Importerade: 1; fanns redan: 0.').waitFor();
    // Through the relay and the projector, as every risk: the import's headers pass the consumer.
    await registerHolds(under, 1);

    // The risk's history names the file and the row its data came from.
    const { body } = await under.api.get('/risks?limit=1', COORDINATOR_API);
    await tab.goto(`/risker/${body.items[0].riskId}/historik`);
    const identified = tab
      .locator('ol.timeline > li')
      .filter({ has: tab.getByRole('heading', { name: 'Risk identifierad' }) });
    const sha = createHash('sha256').update(good.buffer).digest('hex');
    await identified
      .getByText(`Importerad från fil, rad 2 (filens SHA-256 börjar ${sha.slice(0, 12)})`)
      .waitFor();
    await screenshot(tab, 'import-history-sv');
    await tab.setViewportSize({ width: 360, height: 800 });
    await screenshot(tab, 'import-history-phone-sv');
    await tab.context().close();
  });
});
