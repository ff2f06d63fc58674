// Finds a Chromium for Playwright on a fresh machine: an explicit override, then a system
// Chromium or Chrome (Debian's package, macOS and Windows installs), then Playwright's own
// download (undefined lets Playwright decide). `ensureBrowser` (npm test) gets one when none is
// there, or says in one line per system how to get it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ...(process.env.LOCALAPPDATA
    ? [join(process.env.LOCALAPPDATA, 'Chromium', 'Application', 'chrome.exe')]
    : []),
  ...[process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)']]
    .filter(Boolean)
    .map((dir) => join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe')),
];

export function findChromium() {
  const override = process.env.IOLAB_CHROMIUM ?? process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`IOLAB_CHROMIUM points to ${override}, which does not exist.`);
    return override;
  }
  // IOLAB_NO_SYSTEM_CHROMIUM=1: behave as on a machine without one (to try the fallbacks).
  if (process.env.IOLAB_NO_SYSTEM_CHROMIUM === '1') return undefined;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path));
}

/** The one-line fix for each system, when no browser could be had (README says the same). */
export const BROWSER_FIXES = [
  [
    'linux',
    'Debian/Ubuntu',
    'sudo apt-get install -y chromium fonts-noto-cjk   (or: sudo bash scripts/install-browser.sh)',
  ],
  ['darwin', 'macOS', 'brew install --cask chromium'],
  ['win32', 'Windows', 'winget install -e --id Google.Chrome'],
];

export function browserFixText(platform = process.platform) {
  const lines = BROWSER_FIXES.map(
    ([os, name, fix]) => `  ${`${name}:`.padEnd(15)}${fix}${os === platform ? '   <- this machine' : ''}`,
  );
  return [
    'Install a browser with the line for your system, then run `npm test` again:',
    ...lines,
    '  (or set IOLAB_CHROMIUM to any Chromium or Chrome executable)',
  ].join('\n');
}

/** Playwright's own Chromium, when it is downloaded (null when it is not, or Playwright is missing). */
async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Starts the browser once: a download can lack the system libraries it needs. Returns the error's first line, or null. */
async function launchProblem(executablePath) {
  try {
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    await browser.close();
    return null;
  } catch (err) {
    return (
      String(err?.message ?? err)
        .split('\n')
        .find((l) => l.trim()) ?? 'it did not start'
    );
  }
}

const run = (cmd, args) =>
  spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;

/**
 * A browser for the end-to-end tests: a system Chromium; else, on Debian as root, Debian's
 * (scripts/install-browser.sh, with the CJK fonts); else Playwright's own, downloaded now if need
 * be (`npx playwright install chromium`). Returns { ok: true, path } or { ok: false, why }.
 */
export async function ensureBrowser() {
  const system = findChromium();
  if (system) return { ok: true, path: system };
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (
    process.platform === 'linux' &&
    root &&
    existsSync('/etc/debian_version') &&
    process.env.IOLAB_NO_SYSTEM_CHROMIUM !== '1'
  ) {
    console.log("No Chromium found: installing Debian's, with the CJK fonts (scripts/install-browser.sh)…");
    if (run('bash', ['scripts/install-browser.sh'])) {
      const installed = findChromium();
      if (installed) return { ok: true, path: installed };
    }
  }
  let own = await playwrightChromium();
  if (!own) {
    console.log("No Chromium found: downloading Playwright's (npx playwright install chromium)…");
    if (!run('npx', ['playwright', 'install', 'chromium']))
      return { ok: false, why: '`npx playwright install chromium` failed (see above)' };
    own = await playwrightChromium();
    if (!own)
      return { ok: false, why: '`npx playwright install chromium` ran, but its browser is not there' };
  }
  const problem = await launchProblem(own);
  if (problem) return { ok: false, why: `Playwright's Chromium does not start here (${problem})` };
  return { ok: true, path: own };
}
