// The focus indicator of every Poort element (WCAG 2.4.7, 2.4.11, 1.4.11). Two colours: a light
// inner ring right around the element and a dark outer ring around that (technique C40). When the
// two differ by 9:1 or more, at least one of them has 3:1 against any background the page puts
// behind the widget, so the indicator holds on white, on a dark header and on a brand colour
// alike. A theme sets the two colours (and the widths) with the custom properties below.
import { css } from 'lit';

/** The custom properties, declared where the element's own properties live (`:host`, the tag). */
export const focusRingProperties = css`
  --_focus: var(--poort-focus-color, var(--nl-focus-outline-color, #1a1a1a));
  --_focus-inner: var(--poort-focus-inner-color, var(--nl-focus-inverse-outline-color, #fff));
  --_focus-width: var(--poort-focus-width, 3px);
  --_focus-gap: var(--poort-focus-gap, 2px);
`;

/** The indicator itself: the outline is the outer ring, a box-shadow fills the gap inside it. */
export const focusRing = css`
  outline: var(--_focus-width) solid var(--_focus);
  outline-offset: var(--_focus-gap);
  box-shadow: 0 0 0 var(--_focus-gap) var(--_focus-inner);
`;
