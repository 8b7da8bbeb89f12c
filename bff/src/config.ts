// Process configuration from environment variables, validated once at start-up.
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_PASSWORD_QUEUE_LIMIT } from './passwords/password-hash.js';
import { parseTrustProxy, TrustProxyError, type TrustProxy } from './http/forwarded.js';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  POORT_DATA_DIR: z.string().min(1).default('.poort'),
  NODE_ENV: z.string().default('development'),
  POORT_TRUST_PROXY: z.string().default('0'),
  POORT_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#]+$/, 'must be an origin such as https://www.example.nl (no path, no trailing slash)')
    .default('http://localhost:8080'),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: z.enum(['0', '1', 'true', 'false', '']).default('0'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('Poort <noreply@localhost>'),
  POORT_PASSWORD_QUEUE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(DEFAULT_PASSWORD_QUEUE_LIMIT),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  POORT_REQUEST_DEADLINE_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  // The ACS answers a login the person just completed at their broker or IdP, which a retry cannot
  // bring back; an artifact's resolution alone may take up to SOAP_TIMEOUT_MS (docs/decisions/request-deadline-commit-guard.md).
  POORT_ACS_DEADLINE_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  POORT_DATABASE_CONNECT_TIMEOUT_S: z.coerce.number().int().min(1).max(60).default(3),
  // Above nginx's and most load balancers' upstream keep-alive (nginx: 60 s), so the proxy, not
  // Poort, closes an idle connection: a request never meets a connection Poort is closing.
  POORT_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(65_000),
  POORT_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).optional(),
  // Login funnel metrics (OpenMetrics) are off unless one of these is set (docs/operating.md).
  POORT_METRICS_TOKEN: z
    .string()
    .min(32, 'must be at least 32 characters (for example: openssl rand -hex 32)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  POORT_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional().or(z.literal('').transform(() => undefined)),
  POORT_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
});

export interface EnvConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Absolute PGlite data directory, inside dataDir. */
  pgliteDir: string;
  production: boolean;
  /** Which reverse proxies' X-Forwarded-For / -Proto / -Host to believe (POORT_TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** Password hashes that may wait for a free core before logins are refused with 503. */
  passwordQueueLimit: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** The origin browsers and brokers reach Poort at: links in mails, ACS URLs and simulated brokers' entity ids derive from it, never the Host header (R05). */
  publicUrl: string;
  mail: MailSettings;
  /** After this long a request answers 503 service_unavailable and its transaction rolls back. */
  requestDeadlineMs: number;
  /** The deadline of the ACS routes instead (longer: the answer of a completed login cannot be had again). */
  acsDeadlineMs: number;
  /** How long one attempt to connect to PostgreSQL may take (postgres.js connect_timeout). */
  databaseConnectTimeoutS: number;
  /** Node's keep-alive for idle client connections, above the proxy's upstream keep-alive. */
  keepAliveTimeoutMs: number;
  /** Time allowed for a request's headers; above keepAliveTimeoutMs, as Node requires. */
  headersTimeoutMs: number;
  metrics: MetricsSettings;
}

/** Where `/metrics` is served: with a bearer token on the public port, and/or on an internal port without one. */
export interface MetricsSettings {
  token: string | undefined;
  port: number | undefined;
  host: string;
}

export interface MailSettings {
  /** Unset: mails stay in the outbox (see /poort/dev/outbox in development). */
  host: string | undefined;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadEnvConfig(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const headersTimeoutMs = e.POORT_HEADERS_TIMEOUT_MS ?? e.POORT_KEEP_ALIVE_TIMEOUT_MS + 1000;
  if (headersTimeoutMs <= e.POORT_KEEP_ALIVE_TIMEOUT_MS) {
    throw new ConfigError('environment variable POORT_HEADERS_TIMEOUT_MS: must be greater than POORT_KEEP_ALIVE_TIMEOUT_MS');
  }
  const dataDir = resolve(e.POORT_DATA_DIR);
  let trustProxy: TrustProxy;
  try {
    trustProxy = parseTrustProxy(e.POORT_TRUST_PROXY);
  } catch (error) {
    if (error instanceof TrustProxyError) throw new ConfigError(`environment variable POORT_TRUST_PROXY: ${error.message}`);
    throw error;
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    pgliteDir: resolve(dataDir, 'pglite'),
    production: e.NODE_ENV === 'production',
    trustProxy,
    passwordQueueLimit: e.POORT_PASSWORD_QUEUE_LIMIT,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.POORT_PUBLIC_URL,
    mail: {
      host: e.SMTP_HOST || undefined,
      port: e.SMTP_PORT,
      secure: e.SMTP_SECURE === '1' || e.SMTP_SECURE === 'true',
      user: e.SMTP_USER || undefined,
      password: e.SMTP_PASSWORD || undefined,
      from: e.MAIL_FROM,
    },
    requestDeadlineMs: e.POORT_REQUEST_DEADLINE_MS,
    acsDeadlineMs: e.POORT_ACS_DEADLINE_MS,
    databaseConnectTimeoutS: e.POORT_DATABASE_CONNECT_TIMEOUT_S,
    keepAliveTimeoutMs: e.POORT_KEEP_ALIVE_TIMEOUT_MS,
    headersTimeoutMs,
    metrics: { token: e.POORT_METRICS_TOKEN, port: e.POORT_METRICS_PORT, host: e.POORT_METRICS_HOST },
  };
}
