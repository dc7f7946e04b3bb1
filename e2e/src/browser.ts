import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { ARTIFACTS_DIR, CHROMIUM_PATH } from './paths';

export const VIEWPORT = { width: 1366, height: 768 } as const;

/** Debian's Chromium, headless; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export interface Session {
  page: Page;
  /** The runtime under test, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** Opens a designer route, e.g. `/journeys/x` (the designer routes on the hash). */
  open(route: string): Promise<void>;
  /** Saves a screenshot of the page as `artifacts/<test>/<nn>-<name>.png`. */
  step(name: string): Promise<void>;
  /** Uncaught errors the page threw so far. */
  pageErrors: string[];
  close(): Promise<void>;
}

const fileName = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** A fresh browser context (own cookies and storage, English UI) for one test, with its screenshot folder emptied. */
export async function openSession(browser: Browser, testName: string): Promise<Session> {
  const baseUrl = inject('baseUrl');
  const directory = join(ARTIFACTS_DIR, fileName(testName));
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', baseURL: baseUrl });
  // Fail a wait well before the test's own timeout, with the locator that never showed up.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => {
    pageErrors.push(error.message);
    console.warn(`[${testName}] page error: ${error.message}`);
  });
  let stepNumber = 0;
  return {
    page,
    baseUrl,
    pageErrors,
    async open(route) {
      await page.goto(`${baseUrl}/#${route}`);
    },
    async step(name) {
      stepNumber += 1;
      const path = join(directory, `${String(stepNumber).padStart(2, '0')}-${fileName(name)}.png`);
      await page.screenshot({ path });
    },
    async close() {
      await context.close();
    },
  };
}

/**
 * One browser for a test file, launched before its tests and closed after them with every session it opened:
 * `const browser = useBrowser();` then `const { page, step } = await browser.session('name');`.
 */
export function useBrowser(): { session(testName: string): Promise<Session> } {
  let browser: Browser | undefined;
  const sessions: Session[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
  });
  return {
    async session(testName) {
      if (!browser) throw new Error('useBrowser() must be called at the top level of a test file');
      const session = await openSession(browser, testName);
      sessions.push(session);
      return session;
    },
  };
}
