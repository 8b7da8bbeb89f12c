// One labelled input of Poort's light-DOM forms (the e-mail form, the linking step, "Account
// toevoegen"): the label, an optional hint, the input and, when it has a problem, the problem's
// text, with the input pointing at the hint and the problem (aria-describedby) so a screen
// reader reads them with it.
import { html, nothing } from 'lit';

export interface FormField {
  /** The input's id; the hint's and the problem's ids are made from it. */
  id: string;
  name: string;
  type: string;
  label: string;
  autocomplete: string;
  autocapitalize: 'none' | 'off' | 'characters';
  value?: string;
  hint?: string;
  inputmode?: string;
  /** The text of the field's problem, when it has one. */
  problem?: string;
  /** Another element's id the input also points at (the form's alert). */
  alsoDescribedBy?: string;
}

export function formField(field: FormField) {
  const { id, hint, problem } = field;
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-error` : '', field.alsoDescribedBy ?? ''].filter(Boolean).join(' ');
  return html`<div class="poort-field">
    <label for=${id}>${field.label}</label>
    ${hint ? html`<p class="poort-hint" id="${id}-hint">${hint}</p>` : nothing}
    <input
      id=${id}
      name=${field.name}
      type=${field.type}
      autocomplete=${field.autocomplete}
      inputmode=${field.inputmode ?? nothing}
      .value=${field.value ?? ''}
      required
      spellcheck="false"
      autocapitalize=${field.autocapitalize}
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${described || nothing}
    />
    ${problem ? html`<p class="poort-error" id="${id}-error">${problem}</p>` : nothing}
  </div>`;
}
