import { css } from 'lit';

export const textEditorStyles = css`
  :host {
    display: block;
    color: #1a1a1a;
    font-family: system-ui, sans-serif;
    line-height: 1.5;
  }
  main {
    max-inline-size: 90rem;
    margin-inline: auto;
    padding: 1rem;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(14rem, 1fr) minmax(0, 3fr);
    gap: 1.5rem;
  }
  .keys {
    list-style: none;
    margin: 0;
    padding: 0;
    max-block-size: 32rem;
    overflow: auto;
    border: 1px solid #595959;
  }
  .keys button {
    display: block;
    inline-size: 100%;
    text-align: start;
    background: none;
    border: 0;
    border-block-end: 1px solid #d0d0d0;
    padding: 0.4rem 0.5rem;
    font: inherit;
    cursor: pointer;
    color: inherit;
  }
  .keys button[aria-current='true'] {
    background: #e8eef8;
    font-weight: 600;
  }
  .marker {
    display: inline-block;
    margin-inline-start: 0.4rem;
    padding: 0 0.3rem;
    border-radius: 0.2rem;
    font-size: 0.85em;
    font-weight: normal;
  }
  .overridden {
    background: #fff0c2;
    color: #4d3800;
  }
  .missing {
    background: #fde2e1;
    color: #7a1712;
  }
  .locales {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: 1rem;
  }
  .locale {
    border: 1px solid #d0d0d0;
    padding: 0.75rem;
  }
  textarea,
  input,
  select {
    font: inherit;
    color: inherit;
    border: 1px solid #595959;
  }
  textarea {
    inline-size: 100%;
    box-sizing: border-box;
    min-block-size: 8rem;
  }
  label {
    display: block;
    font-weight: 600;
  }
  button.action {
    margin-block-start: 0.5rem;
    margin-inline-end: 0.5rem;
    padding: 0.3rem 0.8rem;
    font: inherit;
    background: #154273;
    color: #fff;
    border: 1px solid #154273;
    border-radius: 0.2rem;
    cursor: pointer;
  }
  button.secondary {
    background: #fff;
    color: #154273;
  }
  :focus-visible {
    outline: 3px solid #ffb612;
    outline-offset: 2px;
  }
  .hint {
    color: #4a4a4a;
  }
  .ok {
    color: #1a5e20;
  }
  .problem {
    color: #a30000;
  }
  .preview {
    border: 1px dashed #595959;
    padding: 1rem;
    margin-block-start: 1rem;
  }
  .preview-controls {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
  }
  .preview-controls label {
    display: block;
  }
  pre {
    white-space: pre-wrap;
    font: inherit;
    margin: 0;
  }
  @media (max-width: 48rem) {
    .layout {
      grid-template-columns: 1fr;
    }
  }
`;
