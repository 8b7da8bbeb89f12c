// Artifact resolution over real TLS: a broker endpoint that demands a client certificate and is
// signed by a CA outside Node's trust store (as PKIoverheid is), the two content types, and the
// size limit on the answer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSoapTransport } from '../../bff/src/saml/soap-transport.js';
import { ensureKeyPair } from '../../bff/src/saml/key-pair.js';

const dir = mkdtempSync(join(tmpdir(), 'poort-soap-'));
let server: Server;
let url: string;
const client = ensureKeyPair(dir, 'client', 'poort soap client');

beforeAll(async () => {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', join(dir, 'server.key'), '-out', join(dir, 'server.crt')], { stdio: 'ignore' });
  server = createServer({ key: readFileSync(join(dir, 'server.key')), cert: readFileSync(join(dir, 'server.crt')), requestCert: true, rejectUnauthorized: true, ca: [client.cert] }, (req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/huge') return res.end('x'.repeat(1024 * 1024 + 1));
      res.end(JSON.stringify({ contentType: req.headers['content-type'], soapAction: req.headers.soapaction ?? null, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ca = () => readFileSync(join(dir, 'server.crt'), 'utf8');

describe('SOAP transport', () => {
  it('presents the TLS client certificate, trusts the configured CA, and sends text/xml with a SOAPAction', async () => {
    const answer = JSON.parse(await httpSoapTransport({ url: `${url}/ars`, body: '<e/>', contentType: 'text/xml', tls: { ...client, ca: ca() } }));
    expect(answer).toEqual({ contentType: 'text/xml; charset=utf-8', soapAction: '"http://www.oasis-open.org/committees/security"', body: '<e/>' });
  });

  it('sends application/soap+xml without SOAPAction when the broker wants that', async () => {
    const answer = JSON.parse(await httpSoapTransport({ url: `${url}/ars`, body: '<e/>', contentType: 'application/soap+xml', tls: { ...client, ca: ca() } }));
    expect(answer).toMatchObject({ contentType: 'application/soap+xml; charset=utf-8', soapAction: null });
  });

  it('fails cleanly without the client certificate, and with an untrusted server certificate', async () => {
    await expect(httpSoapTransport({ url: `${url}/ars`, body: '<e/>', contentType: 'text/xml', tls: { ca: ca() } })).rejects.toMatchObject({ reason: 'artifact_resolution_failed', outcome: 'broker_unavailable' });
    await expect(httpSoapTransport({ url: `${url}/ars`, body: '<e/>', contentType: 'text/xml', tls: { ...client } })).rejects.toMatchObject({ reason: 'artifact_resolution_failed', outcome: 'broker_unavailable' });
  });

  it('stops reading an answer over 1 MB', async () => {
    await expect(httpSoapTransport({ url: `${url}/huge`, body: '<e/>', contentType: 'text/xml', tls: { ...client, ca: ca() } })).rejects.toMatchObject({ reason: 'artifact_response_too_large' });
  });
});
