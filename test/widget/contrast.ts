// Colour contrast from computed styles (WCAG 2.x relative luminance), for the focus-indicator
// checks: which colours sit next to each ring of the indicator, read the way the browser paints them.

export type Rgb = [number, number, number];

/** `rgb(1, 2, 3)` / `rgba(1, 2, 3, 0.5)` → [1, 2, 3]; undefined for a transparent or unparsable value. */
export function parseColour(value: string): Rgb | undefined {
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)/.exec(value);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  if (alpha < 0.5) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function luminance([r, g, b]: Rgb): number {
  const [R, G, B] = [r, g, b].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * R + 0.7152 * G + 0.0722 * B;
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The parent across shadow boundaries (a shadow root's host). */
function composedParent(el: Element): Element | null {
  if (el.assignedSlot) return el.assignedSlot;
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The first opaque background at or behind `el`; white (the canvas) when there is none. */
export function backgroundBehind(el: Element | null): Rgb {
  for (let node = el; node; node = composedParent(node)) {
    const bg = parseColour(getComputedStyle(node).backgroundColor);
    if (bg) return bg;
  }
  return [255, 255, 255];
}

/** The colour of an element's own edge, where the inner ring touches it: border, else background, else what is behind. */
function edgeColour(el: Element): Rgb {
  const s = getComputedStyle(el);
  const border = Number.parseFloat(s.borderTopWidth) > 0 && s.borderTopStyle !== 'none' ? parseColour(s.borderTopColor) : undefined;
  return border ?? parseColour(s.backgroundColor) ?? backgroundBehind(composedParent(el));
}

export interface FocusIndicator {
  outer: Rgb;
  inner: Rgb | undefined;
  /** The best ring's lowest contrast against the two colours beside it. */
  contrast: number;
  describe: string;
}

/**
 * Reads the focus indicator of the focused element: the outline is the outer ring, a box-shadow
 * spread the inner ring. A ring does the job when it has 3:1 against both colours beside it: the
 * outer ring against the background and the inner ring; the inner ring against the outer ring and
 * the element's edge. Undefined when there is no visible outline.
 */
export function focusIndicator(el: Element): FocusIndicator | undefined {
  const s = getComputedStyle(el);
  if (s.outlineStyle === 'none' || Number.parseFloat(s.outlineWidth) < 2) return undefined;
  const outer = parseColour(s.outlineColor);
  if (!outer) return undefined;
  const shadow = /rgba?\([^)]*\)[^,]*?\b0px 0px 0px (\d+(?:\.\d+)?)px/.exec(s.boxShadow);
  const inner = shadow && Number(shadow[1]) > 0 ? parseColour(shadow[0]) : undefined;
  const behind = backgroundBehind(composedParent(el));
  const outerScore = Math.min(contrast(outer, behind), contrast(outer, inner ?? edgeColour(el)));
  const innerScore = inner ? Math.min(contrast(inner, outer), contrast(inner, edgeColour(el))) : 0;
  return {
    outer,
    inner,
    contrast: Math.max(outerScore, innerScore),
    describe: `outline rgb(${outer.join(',')}) inner ${inner ? `rgb(${inner.join(',')})` : 'none'} on rgb(${behind.join(',')})`,
  };
}
