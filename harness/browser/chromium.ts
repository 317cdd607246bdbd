/**
 * Debian's Chromium (package `chromium`) driven by playwright-core: never a browser build
 * downloaded by a test tool. Missing Chromium fails loudly with how to install it; a browser test
 * never skips silently. `.ci/run` installs the package when it is absent.
 */
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The flags this machine needs (the environment's notes on headless Chromium): no sandbox as root,
 * no GPU, and no background networking, sync or component updates, whose connections the closed
 * network would refuse. Playwright gives each launch a new empty profile.
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError';
  constructor(path: string) {
    super(
      `Chromium is not installed at ${path}: the browser tests need Debian's chromium package. ` +
        `Install it with \`apt-get update && apt-get install -y chromium\` (as root), or set CHROMIUM_PATH. ` +
        `Never use a browser downloaded by playwright.`,
    );
  }
}

export function assertChromium(path = CHROMIUM_PATH): void {
  if (!fs.existsSync(path)) throw new ChromiumMissingError(path);
}

export async function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
