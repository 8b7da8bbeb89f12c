// The organisation chosen last in this browser: only its id, nothing personal. localStorage may be
// missing or throw (private mode, storage disabled by policy): then nothing is remembered.
const key = 'poort.organisation';

export function rememberedOrganisation(): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberOrganisation(id: string): void {
  try {
    localStorage.setItem(key, id);
  } catch {
    // Remembering is a convenience.
  }
}
