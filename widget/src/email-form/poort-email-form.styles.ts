// Styles of <poort-email-form>. The element renders into light DOM (so password managers see its
// inputs), where Lit's shadow styles do not apply: this sheet is adopted by the document instead,
// which works under a strict CSP (no inline <style>). Every rule is scoped to the element's tag.
import { css } from 'lit';
import { focusRing, focusRingProperties } from '../focus-ring.styles.js';

export const emailFormStyles = css`
  poort-email-form {
    ${focusRingProperties}
    display: block;
    font-family: var(--poort-font-family, var(--nl-document-font-family, system-ui, sans-serif));
    color: var(--poort-text-color, var(--nl-document-color, #1a1a1a));
    max-inline-size: 32rem;
  }
  poort-email-form[hidden] {
    display: none;
  }
  poort-email-form h2 {
    font-size: var(--poort-heading-font-size, 1.375rem);
    margin-block: 0 0.75rem;
  }
  poort-email-form .poort-field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-block-end: 1rem;
  }
  poort-email-form label {
    font-weight: 600;
  }
  poort-email-form input {
    font: inherit;
    padding: 0.5rem 0.625rem;
    border: 2px solid var(--poort-input-border-color, #535353);
    border-radius: var(--poort-border-radius, 4px);
  }
  poort-email-form input[aria-invalid='true'] {
    border-color: var(--poort-error-color, #b00020);
  }
  poort-email-form input:focus-visible,
  poort-email-form button:focus-visible,
  poort-email-form [tabindex='-1']:focus-visible {
    ${focusRing}
  }
  /* Reflow (WCAG 1.4.10): long words and addresses wrap instead of widening the page. */
  poort-email-form h2,
  poort-email-form h3 {
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  poort-email-form p {
    overflow-wrap: anywhere;
  }
  poort-email-form input {
    box-sizing: border-box;
    inline-size: 100%;
    min-inline-size: 0;
  }
  poort-email-form .poort-hint {
    font-size: 0.875rem;
    color: var(--poort-muted-color, #4b4b4b);
    margin: 0;
  }
  poort-email-form .poort-error {
    color: var(--poort-error-color, #b00020);
    font-weight: 600;
  }
  poort-email-form .poort-notice,
  poort-email-form .poort-lockout-notice {
    border-inline-start: 4px solid var(--poort-primary-color, #154273);
    padding-inline-start: 0.75rem;
  }
  poort-email-form .poort-lockout-notice:empty {
    border: 0;
    padding: 0;
  }
  poort-email-form .poort-submit {
    font: inherit;
    font-weight: 600;
    padding: 0.625rem 1.25rem;
    color: var(--poort-primary-contrast-color, #fff);
    background: var(--poort-primary-color, #154273);
    border: 0;
    border-radius: var(--poort-border-radius, 4px);
    cursor: pointer;
  }
  poort-email-form .poort-submit[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  poort-email-form .poort-link {
    font: inherit;
    padding: 0;
    border: 0;
    background: none;
    color: var(--poort-link-color, #154273);
    text-decoration: underline;
    cursor: pointer;
  }
  poort-email-form .poort-demo-banner {
    background: var(--poort-demo-background, #fff4cc);
    border: 2px solid var(--poort-demo-border-color, #8a6d00);
    padding: 0.5rem 0.75rem;
    font-weight: 600;
  }
  poort-email-form .poort-after-submit {
    margin-block: 0.75rem;
  }
`;
