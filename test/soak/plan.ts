// The soak's three forms: how many clients, when each fault comes and how long it lasts (seconds
// from the start of the load). The full run is issue 18's; the short form the same, shorter; the
// CI form is sized for a two-core runner that also runs PostgreSQL, nginx and the load generator,
// and on the shared development machine other people's test runs: the same goals and the
// production settings (5 s request deadline, 3 s database connect timeout), with a load small
// enough that an answer past the deadline means a fault and not a machine that is busy elsewhere
// (docs/operating.md). Its SMTP outage comes first, so the mail it held back is due again (the
// outbox's first retry comes a minute later) before the load ends.
export type SoakForm = 'full' | 'short' | 'ci';

export interface SoakPlan {
  clients: number;
  /** Memory is read after the warm-up. */
  warmupS: number;
  smtpAtS: number;
  smtpDownS: number;
  killAtS: number;
  /** The database restart comes at this time, or once the killed instance is back, whichever is later. */
  pgAtS: number;
  pgDownS: number;
  /** The load runs at least this long. */
  minLoadS: number;
  accounts: number;
  /** Accounts in each of the two lockout bursts: one after the other, each getting 3–8 wrong passwords at once. */
  lockoutAccounts: number;
  /** Whether memory growth is a goal (the full run) or only reported (too short to tell growth from a heap settling). */
  memoryGoal: boolean;
}

export function soakPlan(form: SoakForm): SoakPlan {
  switch (form) {
    case 'full':
      return { clients: 80, warmupS: 40, killAtS: 60, pgAtS: 100, pgDownS: 5, smtpAtS: 140, smtpDownS: 60, minLoadS: 240, accounts: 40_000, lockoutAccounts: 12, memoryGoal: true };
    case 'short':
      return { clients: 50, warmupS: 15, killAtS: 20, pgAtS: 35, pgDownS: 3, smtpAtS: 50, smtpDownS: 15, minLoadS: 75, accounts: 12_000, lockoutAccounts: 12, memoryGoal: false };
    case 'ci':
      return { clients: 4, warmupS: 10, smtpAtS: 3, smtpDownS: 10, killAtS: 15, pgAtS: 35, pgDownS: 3, minLoadS: 75, accounts: 3_000, lockoutAccounts: 4, memoryGoal: false };
  }
}
