import { css } from 'lit';

// Every colour, font and spacing is a --poort-* custom property that falls back to the
// NL Design System token of the same role, then to a sensible default.
export const loginChooserStyles = css`
  :host {
    display: block;
    font-family: var(--poort-font-family, var(--nl-paragraph-font-family, system-ui, sans-serif));
    color: var(--poort-color, var(--nl-paragraph-color, #1a1a1a));
    max-inline-size: var(--poort-max-inline-size, 36rem);
  }
  :host([hidden]) {
    display: none;
  }
  h2 {
    font-size: var(--poort-heading-font-size, 1.5rem);
    margin-block: 0 0.5rem;
  }
  .methods {
    display: grid;
    gap: var(--poort-gap, 0.75rem);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .method {
    display: grid;
    gap: 0.25rem;
  }
  button {
    font: inherit;
    text-align: start;
    cursor: pointer;
    padding: 0.75rem 1rem;
    min-block-size: 44px;
    color: var(--poort-button-color, var(--nl-button-primary-color, #fff));
    background: var(--poort-button-background, var(--nl-button-primary-background-color, #154273));
    border: 2px solid var(--poort-button-border-color, transparent);
    border-radius: var(--poort-radius, 4px);
  }
  button:focus-visible {
    outline: 3px solid var(--poort-focus-color, var(--nl-focus-outline-color, #ffbf47));
    outline-offset: 2px;
  }
  .help {
    margin: 0;
    font-size: 0.9375rem;
    color: var(--poort-muted-color, #4a4a4a);
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
  }
`;
