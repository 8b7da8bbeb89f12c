// What the widget remembers on this device (the broker and the organisation chosen last): one
// id per key in localStorage, nothing personal. localStorage may be missing or throw (private
// mode, storage disabled by policy): then nothing is remembered and nothing breaks.
export function readRemembered(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Stores the value, or forgets it when there is none. */
export function writeRemembered(key: string, value: string | undefined): void {
  try {
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  } catch {
    // Nothing to do: remembering is a convenience.
  }
}
