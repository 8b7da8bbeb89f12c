// The steps of an Assertion Consumer Service that every SAML upstream shares (eHerkenning,
// ACM/IDM), apart from HTTP: from the RelayState to the stored request, the browser binding, the
// POST binding's decoding, the answer bound to its request, and one-time use. The upstream's own
// flow (which IdP, which profile, which person) sits between them.
import type { DbOrTx } from '../../../db/open.js';
import { together } from '../../../db/together.js';
import { isWellFormedRelayState } from '../saml/relay-state.js';
import { SamlError } from '../saml/saml-error.js';
import type { ResponseEnvelope } from '../saml/verify-response.js';
import { hashSecretToken } from '../security/secret-token.js';
import { consumeRequest, findRequestByRelayState, markSeen, type StoredRequest } from './request-store.js';

/** How long used ids are remembered beyond the assertion's own validity (clock skew and then some). */
const SEEN_MARGIN_MS = 10 * 60_000;

/** The stored request a RelayState names; unknown or malformed RelayState is refused. */
export async function requestForRelayState(db: DbOrTx, relayState: string | undefined): Promise<StoredRequest> {
  if (!isWellFormedRelayState(relayState)) throw new SamlError('relay_state_invalid');
  const request = await findRequestByRelayState(db, relayState);
  if (!request) throw new SamlError('relay_state_unknown');
  return request;
}

/** The answer must come to the browser that started the login (its binding cookie's hash is stored). */
export function checkBrowserBinding(request: StoredRequest, cookieValue: string | undefined): void {
  if (!request.browserBinding) return;
  if (!cookieValue || hashSecretToken(cookieValue) !== request.browserBinding) throw new SamlError('browser_mismatch');
}

/** Decodes the POST binding's SAMLResponse: strict base64, no DEFLATE (that is the Redirect binding). */
export function decodeSamlResponse(value: string | undefined): string {
  if (!value) throw new SamlError('saml_response_missing');
  const compact = value.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) throw new SamlError('saml_response_not_base64');
  const xml = Buffer.from(compact, 'base64').toString('utf8');
  if (!xml.trimStart().startsWith('<')) throw new SamlError('saml_response_not_xml');
  return xml;
}

/**
 * InResponseTo binds the answer to the request this RelayState started (login CSRF, swapped
 * responses); a request answered before, or too late, takes no answer.
 */
export function checkAnswersRequest(envelope: ResponseEnvelope, request: StoredRequest, now = new Date()): void {
  if (envelope.inResponseTo !== request.id) throw new SamlError('in_response_to_mismatch');
  if (request.consumedAt) throw new SamlError('request_consumed_or_expired');
  if (request.expiresAt <= now) throw new SamlError('request_consumed_or_expired');
}

/**
 * Inside the login's transaction: the request is consumed (once, by one conditional UPDATE) and the
 * Response and Assertion ids recorded (once, across instances); either failing refuses the answer,
 * and the transaction's rollback takes back the other. The two statements go out together
 * (db/together.ts).
 */
export async function useAnswerOnce(tx: DbOrTx, request: StoredRequest, answer: { id: string; assertionId: string; notOnOrAfter: Date }, now: Date): Promise<void> {
  const seenUntil = new Date(Math.max(answer.notOnOrAfter.getTime(), now.getTime()) + SEEN_MARGIN_MS);
  const [consumed, fresh] = await together(
    consumeRequest(tx, request.id, request.broker, now),
    markSeen(
      tx,
      [
        { id: answer.id, kind: 'response' },
        { id: answer.assertionId, kind: 'assertion' },
      ],
      seenUntil,
    ),
  );
  if (!consumed) throw new SamlError('request_consumed_or_expired');
  if (!fresh) throw new SamlError('replay');
}
