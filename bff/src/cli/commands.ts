// The service-desk commands: their options, help texts and what each does. main.ts parses the
// command line and opens the database; the work itself is in accounts/, shared with the admin API.
import { locales } from '../../../contract/locales.js';
import { roles } from '../../../contract/roles.js';
import type { AccountContext } from '../accounts/account-context.js';
import { auditCommands } from './audit-commands.js';
import { createAccount, createOrganisation, disableAccount, inviteAccount, listAccounts, unlockAccount } from '../accounts/account-admin.js';
import { issueActivationCode } from '../linking/activation-codes.js';
import { listIdentities, unlinkIdentity } from '../linking/identity-admin.js';
import { addMembership } from '../accounts/memberships.js';
import { setLocalAccountUntil } from '../accounts/temporary-account.js';
import { CUT_OFF_FORMAT, parseCutOff } from '../password-login/cut-off-date.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CommandOption {
  type: 'string' | 'boolean';
  help: string;
  required?: boolean;
}

export interface Command {
  usage: string;
  summary: string;
  options: Record<string, CommandOption>;
  run(ctx: AccountContext, values: Record<string, string | boolean | undefined>, io: CommandIo): Promise<void>;
}

export interface CommandIo {
  out(line: string): void;
  /** Writes text as it is (no newline added), waiting while the reader is behind. */
  write(text: string): Promise<void>;
  readStdin(): Promise<string>;
}

const email: CommandOption = { type: 'string', help: 'the e-mail address of the account', required: true };

export const commands: Record<string, Command> = {
  'user create': {
    usage: `user create --email E [--name N] [--role ${roles.join('|')}] [--org ID] [--locale nl|nl-BE|en] [--password-stdin]`,
    summary: 'Create an account and mail an invitation to choose a password (or set it from standard input).',
    options: {
      email,
      name: { type: 'string', help: 'display name' },
      role: { type: 'string', help: `one of ${roles.join(', ')} (default user)` },
      org: { type: 'string', help: 'organisation id; default: the one organisation whose e-mail domains include the address' },
      locale: { type: 'string', help: 'language of the mails: nl, nl-BE or en (default nl)' },
      'password-stdin': { type: 'boolean', help: 'read the password from standard input and send no invitation' },
      'end-date': { type: 'string', help: `a temporary account: its password login ends then (${CUT_OFF_FORMAT})` },
    },
    run: async (ctx, v, io) => {
      const role = v.role as string | undefined;
      if (role !== undefined && !(roles as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
      const locale = v.locale as string | undefined;
      if (locale !== undefined && !(locales as readonly string[]).includes(locale)) throw new UsageError(`--locale must be one of ${locales.join(', ')}`);
      const localAccountUntil = v['end-date'] === undefined ? undefined : cutOffOption(v['end-date'] as string);
      const password = v['password-stdin'] ? stripNewline(await io.readStdin()) : undefined;
      const { user, organisation, invited } = await createAccount(ctx, {
        email: v.email as string,
        displayName: (v.name as string | undefined) ?? null,
        role: role as (typeof roles)[number] | undefined,
        organisationId: v.org as string | undefined,
        locale: locale ?? null,
        password,
        localAccountUntil,
      });
      io.out(`created ${user.email} (${user.role}) in ${organisation.name}, id ${user.id}`);
      if (user.localAccountUntil) io.out(`temporary account: password login ends ${user.localAccountUntil.toISOString()}`);
      io.out(invited ? 'invitation mail queued (valid 7 days)' : 'password set; no invitation sent');
    },
  },
  'user invite': {
    usage: 'user invite --email E',
    summary: 'Mail a new invitation link (the earlier one stops working).',
    options: { email },
    run: async (ctx, v, io) => {
      const user = await inviteAccount(ctx, { email: v.email as string });
      io.out(`invitation mail queued for ${user.email}`);
    },
  },
  'user unlock': {
    usage: 'user unlock --email E',
    summary: 'Unblock the account and mail a link to choose a new password.',
    options: { email },
    run: async (ctx, v, io) => {
      const user = await unlockAccount(ctx, { email: v.email as string });
      io.out(`unblocked ${user.email}; mail with a link to choose a new password queued`);
    },
  },
  'user disable': {
    usage: 'user disable --email E',
    summary: 'Disable the account and end all its sessions.',
    options: { email },
    run: async (ctx, v, io) => {
      const user = await disableAccount(ctx, { email: v.email as string });
      io.out(`disabled ${user.email}`);
    },
  },
  'user end-date': {
    usage: 'user end-date --email E (--date D | --none)',
    summary: 'Make a local account temporary: its password login ends at the date. --none makes it permanent again.',
    options: {
      email,
      date: { type: 'string', help: CUT_OFF_FORMAT },
      none: { type: 'boolean', help: 'remove the end date' },
    },
    run: async (ctx, v, io) => {
      if ((v.date === undefined) === !v.none) throw new UsageError('Give either --date or --none.');
      const until = v.none ? null : cutOffOption(v.date as string);
      const user = await setLocalAccountUntil(ctx, { email: v.email as string }, until);
      io.out(until ? `password login of ${user.email} ends ${until.toISOString()}` : `${user.email} has no end date any more`);
    },
  },
  'user add-org': {
    usage: `user add-org --email E --org ID [--role ${roles.join('|')}] [--capacity C]`,
    summary: 'Make the account a member of another organisation too; at login the person chooses which one to act for.',
    options: {
      email,
      org: { type: 'string', help: 'organisation id', required: true },
      role: { type: 'string', help: `the role in that organisation: one of ${roles.join(', ')} (default user)` },
      capacity: { type: 'string', help: 'the capacity ("hoedanigheid") in that organisation, e.g. bestuurder' },
    },
    run: async (ctx, v, io) => {
      const role = v.role as string | undefined;
      if (role !== undefined && !(roles as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
      const added = await addMembership(ctx, { email: v.email as string }, { organisationId: v.org as string, role: role as (typeof roles)[number] | undefined, capacity: v.capacity as string | undefined });
      io.out(`${added.user.email} is now also ${added.role} in ${added.organisation.name}`);
    },
  },
  'user list': {
    usage: 'user list',
    summary: 'List all accounts with their status.',
    options: {},
    run: async (ctx, _v, io) => {
      const accounts = await listAccounts(ctx);
      if (!accounts.length) io.out('no accounts');
      for (const a of accounts) io.out([a.email ?? '(no e-mail)', a.role, a.status, a.organisations.join(', ') || '-', a.id].join('\t'));
    },
  },
  'org create': {
    usage: 'org create --name N --domains a.nl,b.nl [--contact E] [--kvk K] [--rsin R] [--vestigingsnr V] [--kbo B] [--ovo OVO000123] [--instelling N] [--eidas DE/NL/HRB123456]',
    summary: 'Create an organisation with its allowed business e-mail domains (no public mail domains); prints its id.',
    options: {
      name: { type: 'string', help: 'name of the organisation', required: true },
      domains: { type: 'string', help: 'comma-separated e-mail domains, e.g. gemeente.nl,gemeente.be; public mail domains such as gmail.com are refused', required: true },
      contact: { type: 'string', help: "the organisation's authorised contact (gemachtigde), who gets the linking step's reset links where the site says so" },
      kvk: { type: 'string', help: 'KvK number (8 digits): eHerkenning logins for it act for this organisation' },
      rsin: { type: 'string', help: 'RSIN (9 digits), for organisations eHerkenning names by RSIN' },
      vestigingsnr: { type: 'string', help: 'Vestigingsnummer (12 digits) of one branch; needs --kvk' },
      kbo: { type: 'string', help: 'Belgian KBO ondernemingsnummer (10 digits, dots allowed): ACM/IDM capacities for it act for this organisation' },
      ovo: { type: 'string', help: 'OVO code of a Flemish government organisation (OVO and 6 digits): ACM/IDM capacities for it act for this organisation' },
      instelling: { type: 'string', help: 'instellingsnummer of an education institution (1 to 6 digits): ACM/IDM capacities for it act for this organisation' },
      eidas: { type: 'string', help: 'eIDAS identifier of a company from another EU country (e.g. DE/NL/HRB123456): eIDAS logins for it act for this organisation' },
    },
    run: async (ctx, v, io) => {
      const identifiers = {
        kvk: v.kvk as string | undefined,
        rsin: v.rsin as string | undefined,
        vestigingsnr: v.vestigingsnr as string | undefined,
        kbo: v.kbo as string | undefined,
        ovo: v.ovo as string | undefined,
        instelling: v.instelling as string | undefined,
        eidas: v.eidas as string | undefined,
      };
      const organisation = await createOrganisation(ctx, { name: v.name as string, emailDomains: v.domains as string, contactEmail: v.contact as string | undefined, identifiers });
      io.out(organisation.id);
    },
  },
  'code issue': {
    usage: `code issue --org ID [--role ${roles.join('|')}] [--days N]`,
    summary: 'Issue a single-use activation code for an organisation (linking step, Account toevoegen); prints it once.',
    options: {
      org: { type: 'string', help: 'organisation id', required: true },
      role: { type: 'string', help: `role of the membership the code gives: one of ${roles.join(', ')} (default user)` },
      days: { type: 'string', help: 'days the code works (default linking.activationCodeDays, 30)' },
    },
    run: async (ctx, v, io) => {
      const role = v.role as string | undefined;
      if (role !== undefined && !(roles as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
      const days = v.days === undefined ? undefined : Number(v.days);
      if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 365)) throw new UsageError('--days must be a whole number from 1 to 365');
      requireUuid('--org', v.org as string);
      const issued = await issueActivationCode(ctx, { organisationId: v.org as string, role: role as (typeof roles)[number] | undefined, validDays: days });
      io.out(issued.code);
      io.out(`for ${issued.organisation.name} (${issued.role}), valid until ${issued.expiresAt.toISOString()}; it is not stored: pass it on now`);
    },
  },
  'identity list': {
    usage: 'identity list --email E',
    summary: "List the account's linked identities (eHerkenning): id, scheme, issuer, broker, level, linked at.",
    options: { email },
    run: async (ctx, v, io) => {
      const { user, identities } = await listIdentities(ctx, v.email as string);
      if (!identities.length) io.out(`no identities linked to ${user.email}`);
      for (const i of identities) io.out([i.id, i.scheme, i.issuer || '-', i.broker ?? '-', i.level ?? '-', i.linkedAt.toISOString()].join('\t'));
    },
  },
  'identity unlink': {
    usage: 'identity unlink --email E --id IDENTITY',
    summary: "Remove one identity from the account and end its sessions (refused when it is the person's last way to log in).",
    options: { email, id: { type: 'string', help: 'the identity id, from identity list', required: true } },
    run: async (ctx, v, io) => {
      requireUuid('--id', v.id as string);
      const identity = await unlinkIdentity(ctx, v.email as string, v.id as string);
      io.out(`unlinked ${identity.scheme} identity ${identity.id} from ${v.email as string}; their sessions ended`);
    },
  },
  ...auditCommands,
};

/** Ids are UUIDs: anything else is a typing error, said as such rather than as a database error. */
function requireUuid(option: string, value: string): void {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new UsageError(`${option} must be an id such as 0b7e…-… (a UUID)`);
}

/** A date option (normalised, then checked): refused with how to write it. */
function cutOffOption(text: string): Date {
  const at = parseCutOff(text);
  if (!at) throw new UsageError(`Not a date: use ${CUT_OFF_FORMAT}.`);
  return at;
}

/** The password from standard input without the newline `echo` or a terminal adds. */
function stripNewline(input: string): string {
  return input.replace(/\r?\n$/, '');
}

export function commandHelp(command: Command): string {
  const lines = [`Usage: npm run -s poort -- ${command.usage}`, '', command.summary, '', 'Options:'];
  for (const [option, o] of Object.entries(command.options)) lines.push(`  --${option.padEnd(16)} ${o.help}${o.required ? ' (required)' : ''}`);
  lines.push(`  --${'help'.padEnd(16)} show this help`);
  return `${lines.join('\n')}\n`;
}

export function generalHelp(): string {
  const lines = ['Poort service-desk commands. They use the same database settings as the server (DATABASE_URL, POORT_DATA_DIR).', '', 'Usage: npm run -s poort -- <command> [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(13)} ${c.summary}`);
  lines.push('', 'Run a command with --help for its options.');
  return `${lines.join('\n')}\n`;
}
