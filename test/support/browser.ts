import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import chromium from '@sparticuz/chromium';
import {
  type Browser,
  type BrowserContext,
  type Page,
  chromium as playwrightChromium,
} from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { REPOSITORY_ROOT } from '#infra/local/cloud.ts';
import { startPortal } from '#infra/local/portal.ts';
import { PORTAL_DIST } from '#infra/local/portal-build.ts';
import { type TestCloud, useLocalCloud } from './harness.ts';

export const SCREENSHOTS = join(REPOSITORY_ROOT, 'test-results', 'screenshots');

export interface PortalUnderTest {
  local: TestCloud;
  /** The portal's origin, also the PORTAL_URL of the emails. */
  url: string;
  browser: Browser;
  /** A fresh browser context (own sessionStorage) with one page. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * The local cloud (in-process, demo operator seeded) behind the built portal on a free port,
 * and one headless Chromium for the whole file: the @sparticuz/chromium binary unpacked from
 * npm, driven by playwright-core (no browser download).
 */
export function usePortal(options: { environment?: Record<string, string> } = {}): PortalUnderTest {
  const handle = {} as PortalUnderTest;
  // The portal listens before the cloud starts so that its URL is the emails' PORTAL_URL.
  let apiUrl: string | undefined;
  let s3Url = '';
  let stopPortal: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const portal = await startPortal({
      port: 0,
      distDirectory: PORTAL_DIST,
      apiUrl: () => apiUrl,
      uploadOrigins: () => s3Url,
    });
    stopPortal = portal.stop;
    handle.url = portal.url;
  });
  const local = useLocalCloud({ ...options, seedDemoOperator: true, portalUrl: () => handle.url });
  beforeAll(async () => {
    apiUrl = local.cloud.urls.api;
    s3Url = local.cloud.urls.s3;
    const executablePath = await chromium.executablePath();
    const browser = await playwrightChromium.launch({
      executablePath,
      args: browserArguments(),
      headless: true,
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
    Object.assign(handle, {
      local,
      browser,
      newPage: async () => {
        const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
        // Pages opened later in the context (none today) are watched too.
        context.on('page', watchCsp);
        const page = await context.newPage();
        if (!cspViolations.has(page)) watchCsp(page);
        // Generous: a wait only ends early on success, and the suite shares two cores with the servers.
        page.setDefaultTimeout(15_000);
        return { context, page };
      },
    });
  }, 60_000);
  afterAll(async () => {
    await handle.browser?.close();
    await stopPortal?.();
  });
  return handle;
}

/**
 * @sparticuz/chromium's arguments are tuned for Lambda: drop the ones that would make the test
 * lie (--disable-web-security hides CORS and CSP faults) or break contexts (--single-process).
 */
const LAMBDA_ONLY_ARGUMENTS = new Set([
  '--single-process',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--no-zygote',
]);
const browserArguments = () => chromium.args.filter((argument) => !LAMBDA_ONLY_ARGUMENTS.has(argument));

/**
 * The portal is served with the deployed CSP (infra/portal-headers.ts): Chromium reports each
 * blocked script, style, image, sound or request in the console, recorded here per page.
 */
const cspViolations = new WeakMap<Page, string[]>();
function watchCsp(page: Page) {
  const violations: string[] = [];
  cspViolations.set(page, violations);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
}

export const cspViolationsOf = (page: Page) => cspViolations.get(page) ?? [];

/** No CSP violation so far on this page: the built app runs under the deployed policy. */
export const expectNoCspViolation = (page: Page, state: string) =>
  expect(cspViolationsOf(page), `CSP violations up to ${state}`).toEqual([]);

// Evaluated in the page (a string: the tests' TypeScript has no DOM types).
const SETTLE_ANIMATIONS = `Promise.all(document.getAnimations()
  .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
  .map((animation) => animation.finished))`;

/**
 * axe-core on the page once it has settled: WCAG 2.1 A and AA rules, 0 violations expected; and
 * no CSP violation up to this state. DSFR modals fade in; a contrast check taken mid-transition
 * measures half-transparent text, so running CSS animations and transitions are awaited first
 * (endless ones, like a spinner, are not).
 */
export async function expectAccessible(page: Page, state: string) {
  expectNoCspViolation(page, state);
  await page.evaluate(SETTLE_ANIMATIONS);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(violations, `axe violations on ${state}`).toEqual([]);
}

export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** The local captcha's answer, sent only on the local stage in a response header (see README). */
export function captchaAnswers(page: Page) {
  const answers: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/v1/captchas')) {
      const answer = response.headers()['x-local-captcha-answer'];
      if (answer) answers.push(answer);
    }
  });
  let used = 0;
  return {
    /** Waits for a code not used yet (each is single-use; the form draws a new one after each try), types it and returns it. */
    async fill(page: Page) {
      await expect.poll(() => answers.length > used, { timeout: 8_000 }).toBe(true);
      used = answers.length;
      await page.getByRole('img', { name: /Code de sécurité/ }).waitFor();
      const answer = answers.at(-1) ?? '';
      await page.getByLabel('Captcha *').fill(answer);
      return answer;
    },
    /** Consumes the current code without using it (a deliberately wrong answer). */
    skip: async () => {
      await expect.poll(() => answers.length > used, { timeout: 8_000 }).toBe(true);
      used = answers.length;
    },
  };
}

/** Ticks a DSFR checkbox or radio by its label (the input itself is visually hidden). */
export const tick = (page: Page, label: string | RegExp) =>
  page.locator('label').filter({ hasText: label }).first().click();
