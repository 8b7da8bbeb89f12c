import { css } from 'lit';
import { focusRingProperties } from './focus-ring.styles.js';

// What every Poort element with a shadow root shares: each colour, font and size is a --poort-*
// custom property that falls back to the NL Design System token of the same role, then to a
// default. Set them on the element or any ancestor.
export const themeStyles = css`
  :host {
    --_accent: var(--poort-accent, var(--nl-button-primary-background-color, #154273));
    --_on-accent: var(--poort-on-accent, var(--nl-button-primary-color, #fff));
    --_muted: var(--poort-muted-color, var(--nl-paragraph-small-color, #4a4a4a));
    --_border: var(--poort-border-color, var(--nl-form-control-border-color, #6b6b6b));
    ${focusRingProperties}
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
  button {
    font: inherit;
    cursor: pointer;
    padding: 0.625rem 1rem;
    min-block-size: 44px;
    color: var(--_on-accent);
    background: var(--poort-button-background, var(--_accent));
    border: 2px solid var(--poort-button-border-color, transparent);
    border-radius: var(--_radius);
  }
`;
