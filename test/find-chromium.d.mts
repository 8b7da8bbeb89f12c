/** Path of a Chromium or Chrome executable: CHROME_PATH, else the usual Linux locations. */
export function findChromium(): string | undefined;
