import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where the browser tests leave a screenshot of every page (git-ignored; the README names it). */
export const SCREENSHOTS = join(__dirname, '../../../screenshots');

export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * Debian's Chromium, headless. The network here refuses Chromium's background connections, so
 * those are turned off (see ARCHITECTURE.md); each context is a fresh profile.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(
  browser: Browser,
  baseURL: string,
  options: { language?: 'sv' | 'en'; viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? DESKTOP,
    locale: options.language === 'en' ? 'en-GB' : 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  if (options.language === 'en') {
    await context.addInitScript("localStorage.setItem('riskledger.language', 'en')");
  }
  return context;
}

export interface TestUser {
  subject: string;
  name?: string;
  role: string;
  units?: string[];
  areas?: string[];
  cleared?: boolean;
  sessionMinutes?: number;
}

/** Signs in as a person would: the console's button, then the development issuer's own page. */
export async function signIn(page: Page, user: TestUser, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: /^(Logga in|Sign in)$/ }).click();
  await page.waitForURL(/\/utvecklingsinloggning/);
  await page.getByLabel(/^(Användar-id|User id)/).fill(user.subject);
  if (user.name) await page.getByLabel(/^(Visningsnamn|Display name)/).fill(user.name);
  await page.getByLabel(/^(Roll|Role)$/).selectOption(user.role);
  if (user.units)
    await page.getByLabel(/^(Begränsa till enheter|Limit to units)/).fill(user.units.join(','));
  if (user.areas)
    await page
      .getByLabel(/^(Begränsa till säkerhetsområden|Limit to security areas)/)
      .fill(user.areas.join(','));
  if (user.cleared) await page.getByText(/^(Behörig till|Cleared for)/).click();
  if (user.sessionMinutes) {
    // Typed as a person would: a Swedish page takes a decimal comma (0,25), an English one a point.
    const swedish = (await page.evaluate<string>('document.documentElement.lang')) === 'sv';
    const minutes = String(user.sessionMinutes);
    await page
      .getByLabel(/^(Sessionens längd|Session length)/)
      .fill(swedish ? minutes.replace('.', ',') : minutes);
  }
  await page.getByRole('button', { name: /^(Logga in|Sign in)$/ }).click();
  await page.waitForURL((url) => !/utvecklingsinloggning|inloggning\/klar/.test(url.pathname));
  await page.getByRole('button', { name: /^(Logga ut|Sign out)$/ }).waitFor();
}

/** axe on the page as it is now: no violation of impact serious or critical (WCAG 2.1 A and AA). */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = result.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const described = serious.map(
    (v) =>
      `${what}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(described).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Unfolds a change a page keeps folded under the line that names it (a disclosure). */
export async function openChange(page: Page, name: string): Promise<void> {
  await page.locator('summary').filter({ hasText: name }).first().click();
}

/** A day so many days from today, as the date inputs take it (YYYY-MM-DD, Stockholm time). */
export function inDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}
