import type { Browser, Page } from 'playwright-core';
import { httpClient } from '../../support/http';
import { eventually, startSystem, type RunningSystem } from '../../support/running-system';
import { launchBrowser, newContext } from './browser';

/** Headers the test HTTP client turns into a bearer token for that subject and role. */
export const ADMIN_API = { 'X-Actor': 'admin', 'X-Actor-Role': 'ADMINISTRATOR' };
export const COORDINATOR_API = { 'X-Actor': 'anna.berg', 'X-Actor-Role': 'SECURITY_COORDINATOR' };

export interface ConsoleUnderTest {
  readonly system: RunningSystem;
  /** The API, for setting up what a test clicks through. */
  readonly api: ReturnType<typeof httpClient>;
  /** A new tab in a fresh browser profile. */
  page(options?: Parameters<typeof newContext>[2]): Promise<Page>;
}

/**
 * The running system and Chromium for one test file: started before its tests (call it first in
 * the describe, so that its own setup runs after), stopped after them.
 */
export function consoleUnderTest(): ConsoleUnderTest {
  let system: RunningSystem | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    system = await startSystem();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });
  const running = () => {
    if (!system || !browser) throw new Error('the system is not started: use it inside a test');
    return { system, browser };
  };
  return {
    get system() {
      return running().system;
    },
    get api() {
      return httpClient(running().system.baseUrl);
    },
    async page(options = {}) {
      const { system, browser } = running();
      const context = await newContext(browser, system.baseUrl, options);
      return context.newPage();
    },
  };
}

export interface Unit {
  code: string;
  name: string;
  kind: string;
  parentCode?: string;
}

/** Organisational units, parents first, registered by an administrator. */
export async function givenUnits(under: ConsoleUnderTest, units: Unit[]): Promise<void> {
  for (const unit of units) {
    expect((await under.api.post('/organisational-units', unit, ADMIN_API)).status).toBe(201);
  }
}

export interface RiskSeed {
  title: string;
  unit: string;
  likelihood: number;
  consequence: number;
  area?: string;
  owner?: string;
  scenario?: { cause: string; event: string; consequence: string };
}

/** A risk identified by a coordinator (a drug-room theft unless told otherwise); its id. */
export async function givenRisk(under: ConsoleUnderTest, seed: RiskSeed): Promise<string> {
  const created = await under.api.post(
    '/risks',
    {
      area: 'PHARMACEUTICALS',
      owner: 'ward.manager',
      scenario: {
        cause: 'en trasig dörrstängare',
        event: 'obehöriga går in',
        consequence: 'stöld av narkotika',
      },
      ...seed,
    },
    COORDINATOR_API,
  );
  expect(created.status).toBe(201);
  return created.body.id as string;
}

/** Waits until the register (fed from Kafka) holds this many risks. */
export async function registerHolds(under: ConsoleUnderTest, total: number): Promise<void> {
  await eventually(async () => {
    const { body } = await under.api.get('/risks?limit=1', COORDINATOR_API);
    return body.total === total ? true : undefined;
  });
}
