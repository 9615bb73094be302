/**
 * Which Chromium the end-to-end tests drive. Playwright's own browser download is not always
 * possible, so: the path in CHROMIUM_PATH, else a system Chromium, else Playwright's managed
 * browser, else stop with a message that says how to get one.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but no file is there.`);
  }
  for (const candidate of SYSTEM_CANDIDATES) if (exists(candidate)) return candidate;
  let managed = '';
  try {
    managed = chromium.executablePath();
  } catch {
    managed = '';
  }
  if (managed && exists(managed)) return managed;
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one (Debian/Ubuntu: "sudo apt-get install chromium"; ' +
      'or "npx playwright install chromium"), or set CHROMIUM_PATH to a Chromium or Chrome executable.',
  );
}

/** Flags for a headless Chromium on a closed network, running as root in CI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
