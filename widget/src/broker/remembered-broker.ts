// The broker chosen last on this device. localStorage may be missing or throw (private mode,
// storage disabled by policy): then nothing is remembered and nothing breaks.
const key = 'poort.broker';

export function rememberedBroker(): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberBroker(id: string | undefined): void {
  try {
    if (id) localStorage.setItem(key, id);
    else localStorage.removeItem(key);
  } catch {
    // Nothing to do: remembering is a convenience.
  }
}
