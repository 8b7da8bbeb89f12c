// A neutral mark for the eHerkenning button, drawn here so the widget loads no image (strict
// CSP, no extra request). Sites bound by the eHerkenning brand rules can hide it with
// ::part(mark) and put the official logo in their own style.
import { html } from 'lit';

export const eherkenningMark = html`<svg part="mark" class="mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
  <rect width="32" height="32" rx="6" fill="currentColor" opacity=".15" />
  <path d="M8 10h9M8 16h7M8 22h9M8 10v12M21 10v12M21 16h4M25 10v12" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" />
</svg>`;
