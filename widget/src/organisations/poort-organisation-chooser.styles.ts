import { css } from 'lit';

// The same --poort-* custom properties as <login-chooser>, each falling back to the NL Design
// System token of the same role.
export const organisationChooserStyles = css`
  :host {
    --_accent: var(--poort-accent, var(--nl-button-primary-background-color, #154273));
    --_on-accent: var(--poort-on-accent, var(--nl-button-primary-color, #fff));
    --_muted: var(--poort-muted-color, var(--nl-paragraph-small-color, #4a4a4a));
    --_border: var(--poort-border-color, var(--nl-form-control-border-color, #6b6b6b));
    --_focus: var(--poort-focus-color, var(--nl-focus-outline-color, #ffbf47));
    --_radius: var(--poort-radius, var(--nl-border-radius, 4px));
    display: block;
    font-family: var(--poort-font-family, var(--nl-paragraph-font-family, system-ui, sans-serif));
    color: var(--poort-color, var(--nl-paragraph-color, #1a1a1a));
    line-height: 1.5;
    max-inline-size: var(--poort-max-inline-size, 36rem);
  }
  :host([hidden]) {
    display: none;
  }
  h2 {
    font-size: var(--poort-heading-font-size, 1.5rem);
    margin-block: 0 0.5rem;
  }
  p {
    margin-block: 0 0.75rem;
  }
  fieldset {
    border: 0;
    margin: 0 0 1rem;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  legend {
    font-weight: 600;
    margin-block-end: 0.5rem;
    padding: 0;
  }
  label {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.75rem;
    align-items: start;
    padding: 0.625rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  label:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  input {
    margin: 0.3rem 0 0;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    accent-color: var(--_accent);
  }
  .name {
    font-weight: 600;
  }
  .details {
    grid-column: 2;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  button {
    font: inherit;
    cursor: pointer;
    padding: 0.625rem 1rem;
    min-block-size: 44px;
    color: var(--_on-accent);
    background: var(--poort-button-background, var(--_accent));
    border: 2px solid transparent;
    border-radius: var(--_radius);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .error {
    color: var(--poort-error-color, #a4000f);
    font-weight: 600;
  }
`;
