import { css } from 'lit';
import { focusRing } from './focus-ring.styles.js';
import { themeStyles } from './theme.styles.js';

// The shared theme (theme.styles.ts: --poort-* custom properties over NL Design System tokens),
// then what only <login-chooser> has.
export const loginChooserStyles = [
  themeStyles,
  css`
  :host {
    --_row: var(--poort-option-block-size, 3.25rem);
  }
  h3 {
    font-size: 1.125rem;
    margin-block: 0 0.25rem;
  }
  /* Reflow (WCAG 1.4.10): a long compound word ("Aanmeldingsmogelijkheden") hyphenates where the
     browser knows the language, and breaks anyway where it does not, rather than widen the page. */
  h2,
  h3,
  summary,
  .level {
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  p,
  li,
  button {
    overflow-wrap: break-word;
  }
  .notice {
    padding: 0.5rem 0.75rem;
    border-inline-start: 6px solid var(--_accent);
    background: var(--poort-notice-background, #eef3f9);
  }
  .banner {
    padding: 0.5rem 0.75rem;
    border-inline-start: 6px solid var(--poort-banner-accent, #e17000);
    background: var(--poort-banner-background, #fff4e5);
  }
  .methods {
    display: grid;
    gap: var(--poort-gap, 0.75rem);
    list-style: none;
    margin: 0 0 1rem;
    padding: 0;
  }
  button[part~='method'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    inline-size: 100%;
    text-align: start;
  }
  .level {
    font-size: 0.875rem;
  }
  .mark {
    inline-size: 2rem;
    block-size: 2rem;
  }
  button.secondary {
    color: var(--_accent);
    background: transparent;
    border-color: currentColor;
  }
  button.link {
    min-block-size: auto;
    padding: 0;
    color: var(--_accent);
    background: none;
    text-decoration: underline;
  }
  a {
    color: var(--_accent);
  }
  :focus-visible,
  #search:focus {
    ${focusRing}
  }
  .method-help,
  .hint,
  .code,
  .note {
    color: var(--_muted);
    font-size: 0.9375rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block: 1rem;
  }
  label {
    display: block;
    font-weight: 700;
  }
  #search {
    box-sizing: border-box;
    inline-size: 100%;
    font: inherit;
    padding: 0.5rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  .invalid {
    color: var(--poort-error-color, #d52b1e);
    font-weight: 700;
  }
  [role='listbox'] {
    position: relative;
    box-sizing: content-box;
    block-size: calc(min(var(--_n, 0), var(--poort-visible-options, 6)) * var(--_row));
    overflow-y: auto;
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [role='listbox']::after {
    content: '';
    position: absolute;
    inset-block-start: calc(var(--_n, 0) * var(--_row) - 1px);
    block-size: 1px;
    inline-size: 1px;
  }
  /* Fixed row height: the list is virtualised and places rows by index. */
  [role='option'] {
    position: absolute;
    inset-inline: 0;
    inset-block-start: calc(var(--_i, 0) * var(--_row));
    box-sizing: border-box;
    block-size: var(--_row);
    display: grid;
    grid-template-columns: auto 1fr;
    align-content: center;
    column-gap: 0.5rem;
    padding-inline: 0.75rem;
    cursor: pointer;
    border-block-end: 1px solid #e6e6e6;
  }
  [role='option'] > span {
    grid-column: 2;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  [role='option'] img {
    grid-row: 1 / 3;
    block-size: 1.5rem;
  }
  [role='option']:hover {
    background: var(--poort-option-hover-background, #f2f2f2);
  }
  [role='option'][aria-selected='true'] {
    font-weight: 700;
    box-shadow: inset 4px 0 var(--_accent);
  }
  [role='option'].active {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: calc(-1 * var(--_focus-width));
    background: var(--poort-option-active-background, #e8f0f8);
  }
  [role='option'][aria-disabled='true'] {
    cursor: not-allowed;
    color: var(--_muted);
  }
  .help {
    margin-block: 1rem;
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
    text-decoration: underline;
  }
  .help-body {
    padding-block-start: 0.5rem;
  }
  .panel {
    container-type: inline-size;
    padding: 0.75rem;
    margin-block: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0 0 0.75rem;
  }
  dt {
    font-weight: 700;
  }
  /* Identifiers (entity id, ServiceID, UUID) break only where the line is full, never with a
     hyphen (a hyphen would look like part of the value); copying gives the value unchanged. */
  dd {
    min-inline-size: 0;
    margin: 0;
    overflow-wrap: anywhere;
    hyphens: none;
  }
  dd.identifier {
    font-family: var(--poort-code-font-family, ui-monospace, monospace);
  }
  /* A narrow panel puts each value under its label, so a long label does not squeeze the value
     into a column one character wide. */
  @container (max-width: 30rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
      row-gap: 0;
    }
    dd {
      margin-block-end: 0.5rem;
    }
  }
  .helpdesk a {
    margin-inline-end: 0.75rem;
  }
  .helpdesk .hours {
    display: block;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: no-preference) {
    button,
    [role='option'] {
      transition: background-color 0.15s;
    }
  }
  @media (forced-colors: active) {
    button,
    #search,
    [role='listbox'] {
      border-color: ButtonText;
    }
    [role='option'].active {
      outline-color: Highlight;
    }
    [role='option'][aria-selected='true'] {
      border-inline-start: 4px solid Highlight;
    }
    [role='option'][aria-disabled='true'] {
      color: GrayText;
    }
  }
`,
];
