import { css } from 'lit';
import { themeStyles } from '../theme.styles.js';

// The shared theme (the same --poort-* custom properties as <login-chooser>), then the list.
export const organisationChooserStyles = [
  themeStyles,
  css`
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
    :focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .error {
      color: var(--poort-error-color, #a4000f);
      font-weight: 600;
    }
  `,
];
