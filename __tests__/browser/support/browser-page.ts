/** One browser page with its script errors collected, and keyboard helpers. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../../../harness/connector-world';

/** Code passed to page.evaluate runs in the browser; this is the little of the DOM it touches (the project compiles without the DOM library). */
interface FocusableElement {
  blur(): void;
  tagName: string;
  textContent: string | null;
  id: string;
}
declare const document: { activeElement: FocusableElement | null; body: unknown };

export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const DOC_SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

export interface WatchedPage {
  page: Page;
  /** console errors and uncaught page errors, in order. */
  errors: string[];
}

export async function openWatched(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { page, errors };
}

/** Takes focus off everything, as a page freshly loaded has it. */
export async function blurActive(page: Page): Promise<void> {
  await page.evaluate(() => document.activeElement?.blur());
}

/**
 * Presses Tab until focus comes back round and returns what was focused, in order: each as
 * "<tag> <text or id>". A page works with a keyboard when every link and button is in this list.
 */
export async function tabOrder(page: Page, limit = 200): Promise<string[]> {
  const seen: string[] = [];
  await blurActive(page);
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      return `${el.tagName.toLowerCase()} ${(el.textContent ?? '').trim() || el.id}`;
    });
    if (here === null) {
      if (seen.length) break; // left the page: one full round
      continue;
    }
    if (seen.length && here === seen[0]) break;
    seen.push(here);
  }
  return seen;
}

/** Every focusable control of the page ("<tag> <text or id>"), in document order. */
export function controls(page: Page): Promise<string[]> {
  return page.$$eval('a[href], button', (els) => els.map((el) => `${el.tagName.toLowerCase()} ${(el.textContent ?? '').trim() || el.id}`));
}

export async function keepScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  // The README's screenshots are refreshed on request only, so a test run never dirties the tree.
  if (process.env.UPDATE_DOC_SCREENSHOTS === '1') {
    fs.mkdirSync(DOC_SCREENSHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(DOC_SCREENSHOTS, `${name}.png`));
  }
  return file;
}
