// nginx in front of the soak's Poort instances: Debian's nginx binary, started on loopback with a
// config and a prefix directory of its own (never the system service). The upstream block is the
// example docs/operating.md gives for several instances; the one addition is a location per
// simulated broker that sends it to a process of its own (each keeps its pending artifacts in
// memory; one process for both was the soak's bottleneck, not Poort: docs/operating.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NGINX = '/usr/sbin/nginx';

export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

/** `brokers`: each simulated broker's id and the address of the process that serves it. */
export interface NginxOptions {
  dir: string;
  port: number;
  instances: string[];
  brokers: Record<string, string>;
}

export function nginxConfig(o: NginxOptions): string {
  const brokers = Object.entries(o.brokers);
  return `worker_processes 1;
pid ${o.dir}/nginx.pid;
error_log ${o.dir}/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path ${o.dir}/client_body;
    proxy_temp_path       ${o.dir}/proxy;
    fastcgi_temp_path     ${o.dir}/fastcgi;
    uwsgi_temp_path       ${o.dir}/uwsgi;
    scgi_temp_path        ${o.dir}/scgi;

    upstream poort {
${o.instances.map((address) => `        server ${address} max_fails=1 fail_timeout=2s;`).join('\n')}
        keepalive 32;
        keepalive_timeout 60s;
    }
${brokers.map(([id, address]) => `    upstream broker_${id.replace(/\W/g, '_')} {\n        server ${address};\n        keepalive 8;\n    }\n`).join('')}    server {
        listen 127.0.0.1:${o.port};
        location /poort/ {
            proxy_pass         http://poort;
            proxy_set_header   Host              $host;
            proxy_set_header   X-Forwarded-For   $proxy_add_x_forwarded_for;
            proxy_set_header   X-Forwarded-Proto $scheme;
            proxy_http_version 1.1;
            proxy_set_header   Connection        "";
            # Connection refused (an instance down): try the next one. A request already sent is
            # not retried unless it is idempotent (nginx's default for POST).
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
            # The soak's own addition: which instance answered, for a failure's report.
            add_header         X-Poort-Upstream  $upstream_addr always;
        }
${brokers
  .map(
    ([id]) => `        location /poort/dev/brokers/${id}/ {
            proxy_pass         http://broker_${id.replace(/\W/g, '_')};
            proxy_set_header   Host              $host;
            proxy_set_header   X-Forwarded-For   $proxy_add_x_forwarded_for;
            proxy_http_version 1.1;
            proxy_set_header   Connection        "";
        }
`,
  )
  .join('')}    }
}
`;
}

export async function startNginx(o: NginxOptions): Promise<Nginx> {
  if (!existsSync(NGINX)) throw new Error('nginx is missing: apt-get install -y nginx-light (the soak starts its own, not the service)');
  mkdirSync(o.dir, { recursive: true });
  // nginx's workers run as nobody when it is started as root: they must reach the temp paths.
  chmodSync(o.dir, 0o777);
  const config = join(o.dir, 'nginx.conf');
  writeFileSync(config, nginxConfig(o));
  const child: ChildProcess = spawn(NGINX, ['-p', o.dir, '-c', config, '-e', join(o.dir, 'error.log'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${o.port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${err}${readLog(o.dir)}`);
    const up = await fetch(`${url}/poort/healthz`).then((r) => r.ok, () => false);
    if (up) break;
    if (i > 100) throw new Error(`nginx did not answer: ${err}${readLog(o.dir)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
    },
  };
}

/** nginx's error log, its lines counted by their message (times and connection numbers dropped). */
export function nginxErrors(dir: string): string[] {
  const counts = new Map<string, number>();
  for (const line of readLog(dir).split('\n')) {
    const message = /\[(?:error|crit|alert|emerg)\] [\d#]+: (?:\*\d+ )?(.*?)(?:, client: .*)?$/.exec(line)?.[1];
    if (message) counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([message, n]) => `${n}× ${message}`);
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'error.log'), 'utf8');
  } catch {
    return '';
  }
}
