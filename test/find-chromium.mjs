// Where is a Chromium or Chrome? CHROME_PATH wins; then the usual Debian and Linux locations.
import { accessSync, constants } from 'node:fs';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium() {
  const wanted = process.env.CHROME_PATH ? [process.env.CHROME_PATH] : candidates;
  for (const path of wanted) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      /* try the next one */
    }
  }
  return undefined;
}
