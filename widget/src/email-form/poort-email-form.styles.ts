// Styles of <poort-email-form>. The element renders into light DOM (so password managers see its
// inputs), where Lit's shadow styles do not apply: this sheet is adopted by the document instead,
// which works under a strict CSP (no inline <style>). Every rule is scoped to the element's tag.
import { css, unsafeCSS, type CSSResult } from 'lit';
import { focusRing, focusRingProperties } from '../focus-ring.styles.js';

/** The form styles scoped to one element's tag: Poort's light-DOM forms share them. */
export function lightDomFormStyles(tagName: 'poort-email-form' | 'poort-link-step' | 'poort-add-organisation'): CSSResult {
  const tag = unsafeCSS(tagName);
  return css`
  ${tag} {
    ${focusRingProperties}
    display: block;
    font-family: var(--poort-font-family, var(--nl-document-font-family, system-ui, sans-serif));
    color: var(--poort-text-color, var(--nl-document-color, #1a1a1a));
    max-inline-size: 32rem;
  }
  ${tag}[hidden] {
    display: none;
  }
  ${tag} h2 {
    font-size: var(--poort-heading-font-size, 1.375rem);
    margin-block: 0 0.75rem;
  }
  ${tag} .poort-field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-block-end: 1rem;
  }
  ${tag} label {
    font-weight: 600;
  }
  ${tag} input {
    box-sizing: border-box;
    inline-size: 100%;
    min-inline-size: 0;
    font: inherit;
    padding: 0.5rem 0.625rem;
    border: 2px solid var(--poort-input-border-color, #535353);
    border-radius: var(--poort-border-radius, 4px);
  }
  ${tag} input[aria-invalid='true'] {
    border-color: var(--poort-error-color, #b00020);
  }
  ${tag} input:focus-visible,
  ${tag} button:focus-visible,
  ${tag} [tabindex='-1']:focus-visible {
    ${focusRing}
  }
  /* Reflow (WCAG 1.4.10): long words and addresses wrap instead of widening the page. */
  ${tag} h2,
  ${tag} h3 {
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  ${tag} p {
    overflow-wrap: anywhere;
  }
  ${tag} .poort-hint {
    font-size: 0.875rem;
    color: var(--poort-muted-color, #4b4b4b);
    margin: 0;
  }
  ${tag} .poort-error {
    color: var(--poort-error-color, #b00020);
    font-weight: 600;
  }
  ${tag} .poort-notice,
  ${tag} .poort-lockout-notice {
    border-inline-start: 4px solid var(--poort-primary-color, #154273);
    padding-inline-start: 0.75rem;
  }
  ${tag} .poort-lockout-notice:empty {
    border: 0;
    padding: 0;
  }
  ${tag} .poort-submit {
    font: inherit;
    font-weight: 600;
    padding: 0.625rem 1.25rem;
    color: var(--poort-primary-contrast-color, #fff);
    background: var(--poort-primary-color, #154273);
    border: 0;
    border-radius: var(--poort-border-radius, 4px);
    cursor: pointer;
  }
  ${tag} .poort-submit[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  ${tag} .poort-link {
    font: inherit;
    padding: 0;
    border: 0;
    background: none;
    color: var(--poort-link-color, #154273);
    text-decoration: underline;
    cursor: pointer;
  }
  ${tag} .poort-demo-banner {
    background: var(--poort-demo-background, #fff4cc);
    border: 2px solid var(--poort-demo-border-color, #8a6d00);
    padding: 0.5rem 0.75rem;
    font-weight: 600;
  }
  ${tag} .poort-after-submit {
    margin-block: 0.75rem;
  }
`;
}

export const emailFormStyles = lightDomFormStyles('poort-email-form');

/** Adopts a light-DOM element's stylesheet into the document (or shadow root) it is rendered in, once. */
export function adoptLightDomStyles(element: HTMLElement, styles: CSSResult): void {
  const root = element.getRootNode() as Document | ShadowRoot;
  const sheet = styles.styleSheet;
  if (!sheet || !('adoptedStyleSheets' in root)) return;
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
