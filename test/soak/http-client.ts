// The soak's HTTP client: node:http over keep-alive connections from chosen loopback addresses
// (127.x.y.z all reach nginx on 127.0.0.1), so nginx sees many clients, as it would on the internet,
// and Poort's per-network rate limits apply to each as they would there. fetch() cannot pick the
// source address without undici's own Agent, which is not a dependency.
import { Agent, request } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface SoakRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** The source address to connect from: one of the client's loopback addresses. */
  from: string;
}

/** One simulated client: its own keep-alive connections, one per source address it uses. */
export class SoakClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly origin: URL) {}

  send(pathOrUrl: string, r: SoakRequest): Promise<Answer> {
    const url = new URL(pathOrUrl, this.origin);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: `${url.pathname}${url.search}`,
          method: r.method ?? 'GET',
          headers: { ...r.headers, ...(r.body !== undefined ? { 'content-length': String(Buffer.byteLength(r.body)) } : {}) },
          agent: this.agent,
          localAddress: r.from,
          // Longer than any request deadline a soak form gives the instances (test/soak/plan.ts).
          timeout: 60_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(r.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** `name=value` of the first Set-Cookie with that name. */
export function setCookie(answer: Answer, name: string): string | undefined {
  const all = answer.headers['set-cookie'] ?? [];
  const found = (Array.isArray(all) ? all : [all]).find((c) => c.startsWith(`${name}=`));
  const pair = found?.split(';')[0];
  return pair && pair !== `${name}=` ? pair : undefined;
}

/** Loopback source address number `n` (0 … 65535) of client `client`: 127.<1 + client>.<n>. */
export function loopbackAddress(client: number, n: number): string {
  return `127.${1 + client}.${(n >> 8) & 255}.${(n & 255) || 1}`;
}
