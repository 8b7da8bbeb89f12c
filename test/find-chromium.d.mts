/** Path of a Chromium or Chrome executable, or undefined when none is installed. */
export function findChromium(): string | undefined;
