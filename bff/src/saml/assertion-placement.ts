// Where an assertion may stand in a SAML Response: as the one direct child of the Response, or
// inside the Advice of an assertion that itself stands in its place (eHerkenning nests the
// authentication service's and authorisation register's assertions there). Anywhere else
// (Extensions, a ds:Signature or ds:Object, inside another element) it can only be a signature
// wrapping attempt (XSW, Somorovsky et al. 2012): the message is refused outright, rather than
// trusting the verifier to pick the signed node. Pure.
import { childElements, descendants, NS } from './dom.js';

export type PlacementBreach = 'multiple_assertions' | 'assertion_misplaced';

const isSaml = (node: Node | null, localName: string): node is Element =>
  node?.nodeType === 1 && (node as Element).namespaceURI === NS.saml && (node as Element).localName === localName;

/** Assertion and EncryptedAssertion elements that are direct children of `parent`. */
export function directAssertions(parent: Element): Element[] {
  return childElements(parent, NS.saml).filter((e) => e.localName === 'Assertion' || e.localName === 'EncryptedAssertion');
}

/**
 * The placement rule `root` (a Response, or an assertion on its own after decryption) breaks, or
 * undefined: more than one direct assertion, or an assertion anywhere else but in Advice.
 */
export function assertionPlacementBreach(root: Element): PlacementBreach | undefined {
  // A decrypted assertion on its own: only its Advice may hold further assertions.
  const response = !isSaml(root, 'Assertion');
  if (response && directAssertions(root).length > 1) return 'multiple_assertions';
  const inPlace = (assertion: Element): boolean => {
    if (assertion === root || (response && assertion.parentNode === root)) return true;
    const advice = assertion.parentNode;
    if (!isSaml(advice, 'Advice')) return false;
    const owner = advice.parentNode;
    return isSaml(owner, 'Assertion') && inPlace(owner);
  };
  const nested = [...descendants(root, NS.saml, 'Assertion'), ...descendants(root, NS.saml, 'EncryptedAssertion')];
  return nested.every(inPlace) ? undefined : 'assertion_misplaced';
}
