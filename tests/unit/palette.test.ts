// The grade palette of the map and the charts: the four grades apart in luminance (WCAG
// contrast ratios between them, so they read in greyscale), apart in colour as seen with
// deuteranopia and protanopia (Machado 2009 simulation, CIE76 ΔE), and each fill's letters
// readable (4.5:1).
import { describe, expect, test } from 'vitest';
import { contrastRatio, deltaE, GRADE_FILLS, linearRgb, relativeLuminance, simulate, type Deficiency, type FillKey } from '../../src/domain/palette.ts';

const GRADES: FillKey[] = ['outstanding', 'good', 'requires_improvement', 'inadequate'];
const pairs = GRADES.flatMap((a, i) => GRADES.slice(i + 1).map((b) => [a, b] as const));
const fill = (k: FillKey) => GRADE_FILLS[k].fill;

describe('the arithmetic', () => {
  test('white on black is 21:1 and a colour against itself 1:1', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#5b96cc', '#5b96cc')).toBe(1);
  });
  test('a known ratio: #767676 on white is 4.54:1', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
  test('the simulations leave greys grey and turn red and green towards each other', () => {
    for (const d of ['deuteranopia', 'protanopia'] as Deficiency[]) {
      expect(deltaE(simulate('#808080', d), linearRgb('#808080'))).toBeLessThan(1);
      expect(deltaE(simulate('#d62728', d), simulate('#2ca02c', d))).toBeLessThan(deltaE(linearRgb('#d62728'), linearRgb('#2ca02c')) / 2);
    }
  });
});

describe('the grade palette', () => {
  test('neighbouring grades: outstanding–good 4.29:1, good–requires improvement 2.01:1, requires improvement–inadequate 4.08:1', () => {
    const ratios = GRADES.slice(1).map((g, i) => contrastRatio(fill(GRADES[i]!), fill(g)));
    expect(ratios.map((r) => r.toFixed(2))).toEqual(['4.29', '2.01', '4.08']);
  });

  test.each(pairs)('%s and %s differ in luminance by at least 1.5:1', (a, b) => {
    expect(contrastRatio(fill(a), fill(b))).toBeGreaterThanOrEqual(1.5);
  });

  test('the four luminances are all different (outstanding, inadequate, good, requires improvement, darkest first)', () => {
    const order = [...GRADES].sort((a, b) => relativeLuminance(fill(a)) - relativeLuminance(fill(b)));
    expect(order).toEqual(['outstanding', 'inadequate', 'good', 'requires_improvement']);
  });

  test('no grade is confused with “no grade” (white): at least 1.5:1', () => {
    for (const g of GRADES) expect(contrastRatio(fill(g), GRADE_FILLS.none.fill), g).toBeGreaterThanOrEqual(1.5);
  });

  for (const d of ['deuteranopia', 'protanopia'] as Deficiency[]) {
    test.each(pairs)(`with ${d}, %s and %s stay apart (ΔE ≥ 30, luminance ≥ 1.5:1)`, (a, b) => {
      const [x, y] = [simulate(fill(a), d), simulate(fill(b), d)];
      expect(deltaE(x, y)).toBeGreaterThanOrEqual(30);
      const lum = (c: readonly number[]) => 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
      const [la, lb] = [lum(x), lum(y)];
      expect((Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)).toBeGreaterThanOrEqual(1.5);
    });
  }

  test.each(Object.keys(GRADE_FILLS) as FillKey[])('the letter on %s reads at 4.5:1 or more', (k) => {
    expect(contrastRatio(GRADE_FILLS[k].fill, GRADE_FILLS[k].ink)).toBeGreaterThanOrEqual(4.5);
  });
});
