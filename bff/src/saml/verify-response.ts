// Verifies a SAML Response from an IdP (an eHerkenning broker, the Flemish ACM/IDM) and returns
// only what its signature covers. node-saml does the signature, decryption, Audience and time
// checks; around it Poort adds what node-saml leaves out: hostile-XML guards, algorithm rules,
// assertion placement (XSW), Destination, Issuer, Recipient, InResponseTo binding, status
// mapping, EncryptedID attribute values. What the attributes and the AuthnContextClassRef mean is
// the upstream's profile (eherkenning-response.ts, ACM/IDM's in acmidm/). Knows nothing of HTTP
// or the database: the caller binds InResponseTo to a stored request and records one-time use.
import type { SAML } from '@node-saml/node-saml';
import { decryptionKeys } from './key-pair.js';
import type { BrokerEndpoints } from './broker-metadata.js';
import { childElement, childElements, NS, onlyChild, textOf } from './dom.js';
import { decryptEncryptedElement, decryptEncryptedId } from './encrypted-id.js';
import { outcomeForStatus, type AttributeValue } from './eherkenning-attributes.js';
import { SamlError } from './saml-error.js';
import type { SamlSp } from './sp-context.js';
import { assertionPlacementBreach, directAssertions } from './assertion-placement.js';
import { signatureRuleBreach } from './verify-signature.js';
import { onlyAllowedEncryption } from './xml-encryption-rules.js';
import { parseXmlStrict } from './xml-guard.js';

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

export interface ResponseEnvelope {
  id: string;
  inResponseTo: string;
}

/** A Response parsed once and looked at, nothing trusted yet: what readEnvelope gives verifyResponse. */
export interface ReadResponse extends ResponseEnvelope {
  xml: string;
  root: Element;
  status: string;
  subStatus?: string;
}

/** What a verified assertion says, before any upstream's profile gives it meaning. */
export interface VerifiedAssertion extends ResponseEnvelope {
  assertionId: string;
  /** The one AuthnStatement's AuthnContextClassRef (eHerkenning: the level; ACM/IDM: the means). */
  authnContextClassRef: string;
  /** The assertion's own attributes (EncryptedIDs decrypted), never those of assertions in Advice. */
  attributes: Map<string, AttributeValue[]>;
  /** The AuthenticatingAuthority the assertion names, if any: who issued the pseudonym. */
  authenticatingAuthority?: string;
  /** Until when the ids must be remembered for one-time use. */
  notOnOrAfter: Date;
}

export interface VerifyOptions {
  sp: SamlSp;
  broker: BrokerEndpoints;
  clockSkewMs: number;
  now?: Date;
}

/**
 * First look at a Response, before anything is trusted: its id and InResponseTo (so the caller can
 * find the stored request), and the status. Refuses hostile XML outright.
 */
export function readEnvelope(xml: string): ReadResponse {
  const root = parseXmlStrict(xml).documentElement!;
  if (root.namespaceURI !== NS.samlp || root.localName !== 'Response') throw new SamlError('not_a_response');
  refuseHostileShape(root);
  const id = root.getAttribute('ID');
  const inResponseTo = root.getAttribute('InResponseTo');
  if (!id) throw new SamlError('response_no_id');
  if (!inResponseTo) throw new SamlError('unsolicited');
  const status = onlyChild(root, NS.samlp, 'Status');
  const code = status && onlyChild(status, NS.samlp, 'StatusCode');
  const value = code?.getAttribute('Value');
  if (!value) throw new SamlError('response_no_status');
  const sub = childElement(code!, NS.samlp, 'StatusCode')?.getAttribute('Value'); // code is there: it gave the value
  return { xml, id, inResponseTo, status: value, ...(sub ? { subStatus: sub } : {}), root };
}

const samlCache = new WeakMap<BrokerEndpoints, Map<string, SAML>>();
// node-saml takes a noticeable part of start-up to load, and is needed only once a response arrives.
let nodeSamlClass: Promise<typeof SAML> | undefined;

/** node-saml for this broker and SP; `decryptionKey`: the one of our private keys that opens the EncryptedAssertion (a rollover may hold two). */
async function nodeSamlFor(options: VerifyOptions, decryptionKey: string): Promise<SAML> {
  const perSp = samlCache.get(options.broker) ?? new Map<string, SAML>();
  samlCache.set(options.broker, perSp);
  const keyIndex = decryptionKeys(options.sp.keys).indexOf(decryptionKey);
  const key = `${options.sp.entityId} ${options.sp.acsUrl} ${options.clockSkewMs} ${keyIndex}`;
  let saml = perSp.get(key);
  // Stryker disable next-line ConditionalExpression: the cache only saves time; a node-saml made anew has the same options.
  if (!saml) {
    const NodeSaml = await (nodeSamlClass ??= import('@node-saml/node-saml').then((module) => module.SAML));
    saml = new NodeSaml({
      callbackUrl: options.sp.acsUrl,
      issuer: options.sp.entityId,
      audience: options.sp.entityId,
      idpCert: options.broker.signingCerts,
      idpIssuer: options.broker.entityId,
      decryptionPvk: decryptionKey,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      acceptedClockSkewMs: options.clockSkewMs,
      validateInResponseTo: 'never' as never, // Poort binds InResponseTo to its own stored requests
      // No signing options: this instance only verifies (Poort signs its own messages, xml-signature.ts).
    });
    perSp.set(key, saml);
  }
  return saml;
}

/**
 * Refuses what no genuine answer holds, before any signature is checked: assertions outside their
 * place, ds:Object or hostile transforms in a signature, algorithms not allowed where they are
 * used (signature rules inside ds:Signature, encryption rules inside xenc:).
 */
function refuseHostileShape(root: Element): void {
  const breach = assertionPlacementBreach(root) ?? signatureRuleBreach(root) ?? (onlyAllowedEncryption(root) ? undefined : 'weak_algorithm');
  if (breach) throw new SamlError(breach);
}

/**
 * The rules of refuseHostileShape for what an EncryptedAssertion hides: its signature and its
 * EncryptedIDs. They are judged on Poort's own decryption, before node-saml verifies the
 * signature, because node-saml hands back the verified assertion with the signature removed.
 * Returns the private key that opened it, for node-saml to decrypt with (the active one when the
 * assertion is not encrypted).
 */
function refuseHostileEncryptedAssertion(root: Element, sp: SamlSp): string {
  const encrypted = childElement(root, NS.saml, 'EncryptedAssertion');
  if (!encrypted) return sp.keys.encryption.key;
  // Serialised on its own, the assertion may use a prefix the sender declared higher up.
  const opened = decryptEncryptedElement(encrypted, sp.entityId, decryptionKeys(sp.keys), (plain) =>
    onlyChild(parseXmlStrict(`<w xmlns:saml="${NS.saml}" xmlns:saml2="${NS.saml}">${plain}</w>`).documentElement!, NS.saml, 'Assertion'),
  );
  if (!opened?.result) throw new SamlError('decryption_failed');
  refuseHostileShape(opened.result);
  return opened.privateKey;
}

/**
 * Checks a Response that readEnvelope parsed (the caller has bound its InResponseTo to a stored
 * request in between): each check once, in this order. The document is parsed by readEnvelope and,
 * independently, by node-saml (which verifies what it parsed itself); after that only the assertion
 * node-saml hands back is read.
 */
export async function verifyAssertion(envelope: ReadResponse, options: VerifyOptions): Promise<VerifiedAssertion> {
  const { root, xml } = envelope;
  const { sp, broker } = options;
  const now = options.now ?? new Date();
  const success = envelope.status === SUCCESS;
  // A success must name our ACS. Error responses are often unsigned and may leave Destination out;
  // they only ever end a login, but one that names a Destination must still name ours.
  if ((success || root.hasAttribute('Destination')) && root.getAttribute('Destination') !== sp.acsUrl) throw new SamlError('destination_mismatch');
  const responseIssuer = childElements(root, NS.saml, 'Issuer');
  if (responseIssuer.length > 1 || (responseIssuer[0] && textOf(responseIssuer[0]) !== broker.entityId)) throw new SamlError('issuer_mismatch');
  if (!success) throw new SamlError(`status_${(envelope.subStatus ?? envelope.status).split(':').pop()}`, outcomeForStatus(envelope.subStatus));
  if (directAssertions(root).length !== 1) throw new SamlError('no_assertion');
  const decryptionKey = refuseHostileEncryptedAssertion(root, sp);

  let assertionXml: string | undefined;
  try {
    const { profile } = await (await nodeSamlFor(options, decryptionKey)).validatePostResponseAsync({ SAMLResponse: Buffer.from(xml).toString('base64') });
    // Stryker disable next-line OptionalChaining: node-saml 5 gives a profile with getAssertionXml for every Response it accepts (no profile only for a LogoutResponse, which readEnvelope refuses); verifiedAssertion refuses what is missing.
    assertionXml = profile?.getAssertionXml?.();
  } catch (error) {
    throw new SamlError(nodeSamlReason(error));
  }
  const { assertion, assertionId } = verifiedAssertion(assertionXml, broker.entityId);

  const notOnOrAfter = checkSubject(assertion, envelope.inResponseTo, sp.acsUrl, now, options.clockSkewMs);
  const authnContextClassRef = classRefOf(assertion);
  const attributes = readAttributes(assertion, sp);
  const authority = authenticatingAuthority(assertion);
  return { id: envelope.id, inResponseTo: envelope.inResponseTo, assertionId, authnContextClassRef, attributes, notOnOrAfter, ...(authority ? { authenticatingAuthority: authority } : {}) };
}

/**
 * The assertion node-saml verified, as node-saml hands it back, and from here on the only thing
 * read: never the original document. node-saml already refuses an unsigned or misplaced assertion;
 * these checks hold Poort's rules against what it got, whatever node-saml's version does.
 * Exported for its unit test (node-saml cannot be made to hand back something else).
 */
export function verifiedAssertion(xml: string | undefined, brokerEntityId: string): { assertion: Element; assertionId: string } {
  if (!xml) throw new SamlError('no_assertion');
  const assertion = parseXmlStrict(xml).documentElement!;
  if (assertion.namespaceURI !== NS.saml || assertion.localName !== 'Assertion') throw new SamlError('no_assertion');
  const issuer = onlyChild(assertion, NS.saml, 'Issuer');
  if (!issuer || textOf(issuer) !== brokerEntityId) throw new SamlError('issuer_mismatch');
  const assertionId = assertion.getAttribute('ID');
  if (!assertionId) throw new SamlError('assertion_no_id');
  return { assertion, assertionId };
}

/**
 * Exactly one bearer SubjectConfirmation for our ACS, this request, still valid. Exported for its
 * unit test: in the ACS, node-saml refuses a stale confirmation first, which hides the time checks
 * from every end-to-end test.
 */
export function checkSubject(assertion: Element, inResponseTo: string, acsUrl: string, now: Date, skewMs: number): Date {
  const subject = onlyChild(assertion, NS.saml, 'Subject');
  if (!subject) throw new SamlError('subject_missing');
  const confirmations = childElements(subject, NS.saml, 'SubjectConfirmation').filter((c) => c.getAttribute('Method') === BEARER);
  if (confirmations.length !== 1) throw new SamlError('subject_confirmation_invalid');
  const data = onlyChild(confirmations[0]!, NS.saml, 'SubjectConfirmationData');
  if (!data) throw new SamlError('subject_confirmation_invalid');
  if (data.getAttribute('Recipient') !== acsUrl) throw new SamlError('recipient_mismatch');
  if (data.getAttribute('InResponseTo') !== inResponseTo) throw new SamlError('in_response_to_mismatch');
  // Stryker disable next-line StringLiteral: any text that is no date gives the same Invalid Date, refused below.
  const notOnOrAfter = new Date(data.getAttribute('NotOnOrAfter') ?? '');
  if (isNaN(notOnOrAfter.getTime())) throw new SamlError('subject_confirmation_invalid');
  if (now.getTime() - skewMs >= notOnOrAfter.getTime()) throw new SamlError('expired');
  const notBefore = data.getAttribute('NotBefore');
  if (notBefore && now.getTime() + skewMs < new Date(notBefore).getTime()) throw new SamlError('not_yet_valid');
  return notOnOrAfter;
}

/** The AuthnContextClassRef of the one AuthnStatement; its meaning is the profile's. */
function classRefOf(assertion: Element): string {
  const statements = childElements(assertion, NS.saml, 'AuthnStatement');
  if (statements.length !== 1) throw new SamlError('authn_statement_invalid');
  const context = onlyChild(statements[0]!, NS.saml, 'AuthnContext');
  const ref = context && onlyChild(context, NS.saml, 'AuthnContextClassRef');
  const value = ref && textOf(ref);
  if (!value) throw new SamlError('level_unknown');
  return value;
}

/**
 * The first AuthenticatingAuthority of the (single, already checked) AuthnStatement, if any: who
 * issued the pseudonym (saml/identity-key.ts). Exported for its unit test.
 */
export function authenticatingAuthority(assertion: Element): string | undefined {
  const statement = childElements(assertion, NS.saml, 'AuthnStatement')[0];
  const context = statement && onlyChild(statement, NS.saml, 'AuthnContext');
  const first = context ? childElements(context, NS.saml, 'AuthenticatingAuthority')[0] : undefined;
  // textOf trims, and gives nothing for an element with elements inside.
  return (first && textOf(first)) || undefined;
}

/**
 * Attribute values of the assertion's own AttributeStatement (never those of assertions nested in
 * Advice). Plain text values, or EncryptedID/NameID values decrypted to their NameID.
 */
function readAttributes(assertion: Element, sp: SamlSp): Map<string, AttributeValue[]> {
  const result = new Map<string, AttributeValue[]>();
  for (const statement of childElements(assertion, NS.saml, 'AttributeStatement')) {
    for (const attribute of childElements(statement, NS.saml, 'Attribute')) {
      const name = attribute.getAttribute('Name');
      if (!name) throw new SamlError('attribute_invalid');
      if (result.has(name)) throw new SamlError('attribute_duplicate');
      result.set(name, childElements(attribute, NS.saml, 'AttributeValue').map((v) => attributeValue(v, sp)));
    }
  }
  return result;
}

function attributeValue(valueElement: Element, sp: SamlSp): AttributeValue {
  // textOf gives text only where there is no element inside: a plain value.
  const text = textOf(valueElement);
  if (text !== undefined) return { value: text };
  const children = childElements(valueElement);
  if (children.length !== 1) throw new SamlError('attribute_invalid');
  const child = children[0]!;
  if (child.namespaceURI === NS.saml && child.localName === 'EncryptedID') {
    const id = decryptEncryptedId(child, sp.entityId, decryptionKeys(sp.keys));
    return { value: id.value, nameQualifier: id.nameQualifier };
  }
  if (child.namespaceURI === NS.saml && child.localName === 'NameID') {
    const value = textOf(child);
    if (!value) throw new SamlError('attribute_invalid');
    return { value, nameQualifier: child.getAttribute('NameQualifier') || undefined };
  }
  throw new SamlError('attribute_invalid');
}

/**
 * node-saml's error messages mapped to stable reason codes (its messages may contain values from the
 * message). Only what node-saml can still refuse after Poort's own checks has a code of its own:
 * the signature, the audience, the time conditions (a NotBefore or NotOnOrAfter it cannot read
 * counts as not valid at that time). Its issuer and multiple-assertion errors cannot come (Poort
 * refuses those first), nor can its decryption fail where Poort's own decryption with the same key
 * worked but for a shape it does not read (an EncryptedKey beside the EncryptedData): that, and
 * anything else it refuses (two Conditions), is response_invalid.
 */
function nodeSamlReason(error: unknown): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: node-saml throws Error objects only; anything else is response_invalid either way.
  const message = error instanceof Error ? error.message : '';
  if (/signature/i.test(message)) return 'signature_invalid';
  if (/audience/i.test(message)) return 'audience_mismatch';
  if (/NotBefore|not yet valid/i.test(message)) return 'not_yet_valid';
  if (/NotOnOrAfter|expired/i.test(message)) return 'expired';
  return 'response_invalid';
}
