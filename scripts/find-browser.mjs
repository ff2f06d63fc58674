// Finds a Chromium for Playwright on a fresh machine: an explicit override, then a system
// Chromium (Debian's package), then Playwright's own download (undefined lets Playwright decide).
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium() {
  const override = process.env.IOLAB_CHROMIUM ?? process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`IOLAB_CHROMIUM points to ${override}, which does not exist.`);
    return override;
  }
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path));
}
