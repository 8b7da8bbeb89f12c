// Reads the site configuration: POORT_CONFIG, else ./poort.config.json when present, else the
// built-in demo configuration (simulated brokers), so `npm start` needs no file at all.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../config.js';
import { demoSiteConfig } from './demo-defaults.js';
import { siteConfigSchema, type SiteConfig } from './schema.js';
import { applicationConfigProblem } from '../applications/application-rules.js';

export interface LoadedSiteConfig {
  config: SiteConfig;
  /** Directory that relative paths in the file (metadata, keys) are resolved against. */
  baseDir: string;
  /** Where it came from, for the start-up message. */
  source: string;
}

export function loadSiteConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): LoadedSiteConfig {
  const explicit = env.POORT_CONFIG;
  const path = explicit ? resolve(cwd, explicit) : resolve(cwd, 'poort.config.json');
  if (!explicit && !existsSync(path)) {
    return { config: parseSiteConfig(demoSiteConfig, 'built-in demo configuration'), baseDir: cwd, source: 'built-in demo configuration' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${path}: ${error instanceof SyntaxError ? `not valid JSON (${error.message})` : 'cannot be read'}`);
  }
  return { config: parseSiteConfig(raw, path), baseDir: dirname(path), source: path };
}

export function parseSiteConfig(raw: unknown, source: string): SiteConfig {
  const parsed = siteConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    throw new ConfigError(`${source}: ${field || '(top level)'}: ${issue.message}`);
  }
  const ids = new Set<string>();
  for (const broker of parsed.data.brokers) {
    if (ids.has(broker.id)) throw new ConfigError(`${source}: brokers: id "${broker.id}" appears twice`);
    ids.add(broker.id);
    if (broker.artifact.tlsClientCert && !broker.artifact.tlsClientKey) {
      throw new ConfigError(`${source}: brokers[${parsed.data.brokers.indexOf(broker)}].artifact.tlsClientKey: required with tlsClientCert`);
    }
  }
  const eh = parsed.data.eherkenning;
  if (eh.routing === 'contracted') {
    if (!eh.contractedBroker || !ids.has(eh.contractedBroker)) {
      throw new ConfigError(`${source}: eherkenning.contractedBroker: must name one of the brokers when routing is "contracted"`);
    }
  }
  const problem = applicationConfigProblem(parsed.data.applications, { returnToPrefixes: parsed.data.site.returnToPrefixes, methods: parsed.data.methods });
  if (problem) throw new ConfigError(`${source}: ${problem}`);
  return parsed.data;
}
