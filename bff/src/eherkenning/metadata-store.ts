// Broker metadata from where the configuration says: a file next to the config file, an https URL
// (fetched, cached in the broker_metadata table so every instance and restart shares it, fetched
// again after the refresh interval; a failed refresh keeps the cached copy), or `dev:<id>`, a
// simulated broker in this process. Parsed results are kept in memory for a minute.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open.js';
import { brokerMetadata } from '../../../db/schema.js';
import type { BrokerConfig } from '../site-config/schema.js';
import { parseBrokerMetadata, type BrokerEndpoints } from '../saml/broker-metadata.js';
import { SamlError } from '../saml/saml-error.js';
import { recordMetadataFailure, recordMetadataOk } from './broker-health-store.js';

export interface MetadataStoreOptions {
  db: Db;
  baseDir: string;
  refreshHours: number;
  /** Metadata XML of a simulated broker (`dev:<id>`), or undefined when simulated brokers are off. */
  devMetadata?: (id: string) => string | undefined;
  fetch?: typeof fetch;
  now?: () => Date;
}

const MEMORY_MS = 60_000;

export class MetadataStore {
  private readonly memory = new Map<string, { endpoints: BrokerEndpoints; until: number }>();
  constructor(private readonly options: MetadataStoreOptions) {}

  /** An eHerkenning broker, or any IdP described the same way (ACM/IDM: id `acmidm:idp`). */
  async endpoints(broker: Pick<BrokerConfig, 'id' | 'metadata' | 'metadataSigningCert'>): Promise<BrokerEndpoints> {
    const now = this.now();
    const cached = this.memory.get(broker.id);
    if (cached && cached.until > now.getTime()) return cached.endpoints;
    let endpoints: BrokerEndpoints;
    try {
      const signingCert = broker.metadataSigningCert ? readFileSync(resolve(this.options.baseDir, broker.metadataSigningCert), 'utf8') : undefined;
      endpoints = parseBrokerMetadata(await this.xmlFor(broker, now), signingCert);
      if (endpoints.validUntil && endpoints.validUntil < now) throw new SamlError('metadata_expired');
    } catch (error) {
      // The broker list marks it down for everyone (broker-health-store.ts); the write failing too
      // (the database is away) must not hide the metadata's own error.
      await recordMetadataFailure(this.options.db, broker.id, error instanceof SamlError ? error.reason : 'metadata_invalid', now).catch(() => {});
      throw error;
    }
    await recordMetadataOk(this.options.db, broker.id, now).catch(() => {});
    this.memory.set(broker.id, { endpoints, until: now.getTime() + MEMORY_MS });
    return endpoints;
  }

  private async xmlFor(broker: Pick<BrokerConfig, 'id' | 'metadata'>, now: Date): Promise<string> {
    const source = broker.metadata;
    if (source.startsWith('dev:')) {
      const xml = this.options.devMetadata?.(source.slice(4));
      if (!xml) throw new SamlError('metadata_dev_broker_unavailable');
      return xml;
    }
    if (/^https:\/\//.test(source)) return this.fromUrl(broker.id, source, now);
    if (/^[a-z]+:\/\//i.test(source)) throw new SamlError('metadata_url_not_https');
    return readFileSync(resolve(this.options.baseDir, source), 'utf8');
  }

  private async fromUrl(brokerId: string, url: string, now: Date): Promise<string> {
    const { db } = this.options;
    const [row] = await db.select().from(brokerMetadata).where(eq(brokerMetadata.broker, brokerId)).limit(1);
    const fresh = row && row.source === url && now.getTime() - row.fetchedAt.getTime() < this.options.refreshHours * 3_600_000;
    if (fresh) return row.xml;
    try {
      const response = await (this.options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(10_000), redirect: 'error' });
      if (!response.ok) throw new SamlError('metadata_fetch_failed');
      const xml = await response.text();
      const parsed = parseBrokerMetadata(xml); // never cache something that does not even parse
      const values = { broker: brokerId, source: url, xml, fetchedAt: now, validUntil: parsed.validUntil ?? null };
      await db.insert(brokerMetadata).values(values).onConflictDoUpdate({ target: brokerMetadata.broker, set: values });
      return xml;
    } catch (error) {
      if (row && row.source === url) return row.xml; // a broker's outage must not stop logins while the cached copy is valid
      throw error instanceof SamlError ? error : new SamlError('metadata_fetch_failed');
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
