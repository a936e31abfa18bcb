// The grade colours of the map and the charts, and the arithmetic that checks them: the
// four grades differ in luminance as well as in hue (blue for the better grades, amber
// and brick red for the worse), so they stay apart in greyscale and for readers with
// red–green colour blindness. The letters on each fill are white or near-black,
// whichever reads (WCAG contrast at least 4.5:1). tests/unit/palette.test.ts holds the
// ratios and the simulations. Not GOV.UK's brand colours.
import type { Grade } from './vocabulary.ts';

export type FillKey = 'outstanding' | 'good' | 'requires_improvement' | 'inadequate' | 'none';

export interface Fill {
  /** The fill, #rrggbb. */
  fill: string;
  /** The colour of a letter drawn on it. */
  ink: string;
}

export const INK_DARK = '#0b0c0c';
export const INK_LIGHT = '#ffffff';

/** Outstanding darkest, then inadequate, good, requires improvement; no grade is white, outlined. */
export const GRADE_FILLS: Readonly<Record<FillKey, Fill>> = {
  outstanding: { fill: '#0e2f55', ink: INK_LIGHT },
  good: { fill: '#5b96cc', ink: INK_DARK },
  requires_improvement: { fill: '#f2ca64', ink: INK_DARK },
  inadequate: { fill: '#a83a1a', ink: INK_LIGHT },
  none: { fill: '#ffffff', ink: INK_DARK },
};

/** The fill of a grade ("adequate", the older framework's third grade, shares requires improvement's). */
export function fillFor(grade: Grade | undefined): Fill {
  if (!grade) return GRADE_FILLS.none;
  if (grade === 'adequate') return GRADE_FILLS.requires_improvement;
  return grade in GRADE_FILLS ? GRADE_FILLS[grade as FillKey] : GRADE_FILLS.none;
}

type Rgb = readonly [number, number, number];

function channels(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** sRGB (0–255) to linear light (0–1). */
export function linearRgb(hex: string): Rgb {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = channels(hex);
  return [lin(r), lin(g), lin(b)];
}

/** WCAG 2 relative luminance of linear RGB. */
export function luminanceOf([r, g, b]: Rgb): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function relativeLuminance(hex: string): number {
  return luminanceOf(linearRgb(hex));
}

/** WCAG 2 contrast ratio of two luminances (1 to 21). */
export function contrastOf(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

export function contrastRatio(a: string, b: string): number {
  return contrastOf(relativeLuminance(a), relativeLuminance(b));
}

/**
 * Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of
 * color vision deficiency", severity 1.0: matrices on linear RGB.
 */
export const MACHADO_2009 = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
} as const;
export type Deficiency = keyof typeof MACHADO_2009;

/** A colour as seen with the deficiency, in linear RGB (clamped to 0–1). */
export function simulate(hex: string, deficiency: Deficiency): Rgb {
  const v = linearRgb(hex);
  const row = (r: readonly number[]) => Math.min(1, Math.max(0, r[0]! * v[0] + r[1]! * v[1] + r[2]! * v[2]));
  const m = MACHADO_2009[deficiency];
  return [row(m[0]), row(m[1]), row(m[2])];
}

/** CIE L*a*b* (D65) of linear RGB. */
export function lab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference of two linear RGB colours (about 2.3 is just noticeable). */
export function deltaE(a: Rgb, b: Rgb): number {
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}
