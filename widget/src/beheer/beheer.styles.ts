import { css } from 'lit';

// The widget's look (login-chooser.styles.ts): the same --poort-* custom properties with NL Design
// System fallbacks, focus ring, 44 px targets. Shared by every Beheer element.
export const beheerStyles = css`
  :host {
    --_accent: var(--poort-accent, var(--nl-button-primary-background-color, #154273));
    --_on-accent: var(--poort-on-accent, var(--nl-button-primary-color, #fff));
    --_muted: var(--poort-muted-color, var(--nl-paragraph-small-color, #4a4a4a));
    --_border: var(--poort-border-color, var(--nl-form-control-border-color, #6b6b6b));
    --_focus: var(--poort-focus-color, var(--nl-focus-outline-color, #ffbf47));
    --_radius: var(--poort-radius, var(--nl-border-radius, 4px));
    --_error: var(--poort-error-color, #a4001d);
    display: block;
    font-family: var(--poort-font-family, var(--nl-paragraph-font-family, system-ui, sans-serif));
    color: var(--poort-color, var(--nl-paragraph-color, #1a1a1a));
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  h1 {
    font-size: 2rem;
    margin-block: 0 0.5rem;
  }
  h2 {
    font-size: var(--poort-heading-font-size, 1.5rem);
    margin-block: 1.5rem 0.5rem;
  }
  p {
    margin-block: 0 0.75rem;
  }
  button,
  .button {
    font: inherit;
    cursor: pointer;
    display: inline-block;
    padding: 0.5rem 1rem;
    min-block-size: 44px;
    box-sizing: border-box;
    color: var(--_on-accent);
    background: var(--_accent);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    text-decoration: none;
  }
  button.secondary {
    color: var(--_accent);
    background: transparent;
    border-color: var(--_accent);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button:focus-visible,
  .button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  [role='tab']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  input,
  select {
    font: inherit;
    min-block-size: 44px;
    box-sizing: border-box;
    padding: 0.375rem 0.5rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    max-inline-size: 100%;
  }
  .field {
    margin-block-end: 1rem;
  }
  .hint {
    color: var(--_muted);
    margin-block: 0.25rem;
  }
  .error {
    color: var(--_error);
    font-weight: 600;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: flex-end;
  }
  /* A wide table scrolls sideways on a narrow screen; the region takes focus so a keyboard can scroll it. */
  .table-wrap {
    overflow-x: auto;
  }
  .table-wrap:focus-visible {
    outline: 3px solid var(--_focus);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.5rem;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5rem;
    border-block-end: 1px solid var(--_border);
  }
  .status {
    padding: 0.5rem 0.75rem;
    border-inline-start: 6px solid var(--_accent);
    background: var(--poort-notice-background, #eef4fa);
    margin-block: 0.5rem 1rem;
  }
  .status:empty {
    display: none;
  }
  .alert {
    border-inline-start-color: var(--_error);
    background: var(--poort-alert-background, #fdecef);
  }
  .alert:empty {
    display: none;
  }
  /* A newly issued activation code: large, spaced, one line, easy to read out or copy. */
  .issued {
    padding: 0.75rem;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    margin-block: 0.5rem 1rem;
  }
  .code {
    font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace;
    font-size: 1.5rem;
    letter-spacing: 0.1em;
    white-space: nowrap;
  }
  .code:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;
