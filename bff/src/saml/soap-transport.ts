// Sends a SOAP request with node:https (fetch cannot present a TLS client certificate), with a
// time limit and a size limit on the answer.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import { SamlError } from './saml-error.js';
import type { SoapTransport } from './artifact.js';
import { MAX_XML_BYTES } from './xml-guard.js';

/** A broker's SOAP endpoint (artifact resolution) has this long to answer; the ACS deadline is longer (config.ts). */
export const SOAP_TIMEOUT_MS = 10_000;

/** No answer, or no good one: the person is told the broker is unavailable (and may choose another). */
const brokerDidNotAnswer = () => new SamlError('artifact_resolution_failed', 'broker_unavailable');

export const httpSoapTransport: SoapTransport = ({ url, body, contentType, tls }) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers: Record<string, string> = {
      'content-type': `${contentType}; charset=utf-8`,
      'content-length': String(Buffer.byteLength(body)),
    };
    // SOAP 1.1 over text/xml names the action in a header (SAML bindings §3.2.3.3).
    if (contentType === 'text/xml') headers.soapaction = '"http://www.oasis-open.org/committees/security"';
    const req = send(target, { method: 'POST', headers, timeout: SOAP_TIMEOUT_MS, ...(tls?.cert && tls.key ? { cert: tls.cert, key: tls.key } : {}), ...(tls?.ca ? { ca: [...rootCertificates, tls.ca] } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_XML_BYTES) {
          req.destroy();
          reject(new SamlError('artifact_response_too_large'));
        } else chunks.push(chunk);
      });
      res.on('end', () => {
        if (res.statusCode !== 200) reject(brokerDidNotAnswer());
        else resolve(Buffer.concat(chunks).toString('utf8'));
      });
      res.on('error', () => reject(brokerDidNotAnswer()));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => reject(brokerDidNotAnswer()));
    req.end(body);
  });
