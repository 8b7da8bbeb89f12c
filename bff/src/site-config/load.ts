// Reads the site configuration: POORT_CONFIG, else ./poort.config.json when present, else the
// built-in demo configuration (simulated brokers), so `npm start` needs no file at all.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '../config.js';
import { demoSiteConfig } from './demo-defaults.js';
import { siteConfigSchema, type SiteConfig } from './schema.js';
import { applicationConfigProblem } from '../applications/application-rules.js';
import { parseServiceId } from '../saml/service-catalogue.js';

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
  const eidasIssue = eidasProblem(parsed.data, (raw as { methods?: unknown } | null)?.methods !== undefined);
  if (eidasIssue) throw new ConfigError(`${source}: ${eidasIssue}`);
  const catalogueIssue = serviceCatalogueProblem(parsed.data);
  if (catalogueIssue) throw new ConfigError(`${source}: ${catalogueIssue}`);
  // eIDAS and ACM/IDM are offered by default only where the site configured their upstream.
  const config = {
    ...parsed.data,
    methods: parsed.data.methods.filter((m) => (m !== 'eidas' || eh.eidas !== undefined) && (m !== 'acmidm' || parsed.data.acmidm !== undefined)),
  };
  const problem = applicationConfigProblem(config.applications, { returnToPrefixes: config.site.returnToPrefixes, methods: config.methods });
  if (problem) throw new ConfigError(`${source}: ${problem}`);
  return config;
}

/** What is wrong with the eIDAS part of a configuration, if anything (pure). */
export function eidasProblem(config: SiteConfig, methodsWritten: boolean): string | undefined {
  const eh = config.eherkenning;
  if (!eh.eidas) return methodsWritten && config.methods.includes('eidas') ? 'methods: "eidas" needs eherkenning.eidas (its ServiceID, ServiceUUID and name)' : undefined;
  if (eh.eidas.attributeConsumingServiceIndex === eh.attributeConsumingServiceIndex) {
    return 'eherkenning.eidas.attributeConsumingServiceIndex: must differ from eherkenning.attributeConsumingServiceIndex (each service has its own)';
  }
  if (eh.eidas.serviceId === eh.serviceId) return 'eherkenning.eidas.serviceId: must differ from eherkenning.serviceId (eIDAS is its own service in the catalogue)';
  if (eh.eidas.serviceUuid.toLowerCase() === eh.serviceUuid.toLowerCase()) return 'eherkenning.eidas.serviceUuid: must differ from eherkenning.serviceUuid';
  return undefined;
}

/**
 * What keeps the service catalogue entry from being made, if anything (pure). Its ServiceIDs name
 * our OIN and their index, which is also their AttributeConsumingService index in our metadata
 * (the Afsprakenstelsel's "ServiceID"): `urn:etoegang:DV:<OIN>:services:<index>`, one OIN for both.
 */
export function serviceCatalogueProblem(config: SiteConfig): string | undefined {
  const eh = config.eherkenning;
  if (!eh.catalogue) return undefined;
  const services = [
    { field: 'eherkenning', serviceId: eh.serviceId, index: eh.attributeConsumingServiceIndex },
    ...(eh.eidas ? [{ field: 'eherkenning.eidas', serviceId: eh.eidas.serviceId, index: eh.eidas.attributeConsumingServiceIndex }] : []),
  ];
  const oins = new Set<string>();
  for (const s of services) {
    const parsed = parseServiceId(s.serviceId);
    if (!parsed) return `${s.field}.serviceId: the service catalogue needs the form urn:etoegang:DV:<OIN of 20 digits>:services:<index>`;
    if (parsed.index !== s.index) return `${s.field}.serviceId: its index (${parsed.index}) must be the service's attributeConsumingServiceIndex (${s.index})`;
    oins.add(parsed.oin);
  }
  if (oins.size > 1) return 'eherkenning.eidas.serviceId: must name the same OIN as eherkenning.serviceId (one service provider)';
  if (eh.eidas && !eh.catalogue.eidasDefinitionUuid) return 'eherkenning.catalogue.eidasDefinitionUuid: required when eherkenning.eidas is set (the eIDAS service has its own ServiceDefinition)';
  if (eh.eidas && eh.catalogue.eidasDefinitionUuid!.toLowerCase() === eh.catalogue.definitionUuid.toLowerCase()) return 'eherkenning.catalogue.eidasDefinitionUuid: must differ from definitionUuid';
  return undefined;
}

