import { contrastRatio } from '../testing/contrastRatio';
import { appCss, themeColours } from '../testing/themeColours';

const themes = Object.entries(themeColours());

describe('contrast (WCAG 2.2)', () => {
  it('draws placeholders in the muted grey', () => {
    expect(appCss).toMatch(/::placeholder\s*{[^}]*color:\s*var\(--muted\);[^}]*opacity:\s*1;/);
  });

  it.each(themes)('%s: placeholder and muted text are at least 4.5:1 (1.4.3)', (_, colour) => {
    // Inputs are filled with --bg; hints sit on cards and on our own messages.
    for (const ground of [colour.bg, colour.card, colour.mine]) {
      expect(contrastRatio(colour.muted, ground)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('outlines fields with the field border', () => {
    expect(appCss).toMatch(/input,\s*textarea\s*{[^}]*border:\s*1px solid var\(--field-border\);/);
  });

  it.each(themes)('%s: field borders are at least 3:1 inside and out (1.4.11)', (_, colour) => {
    // A field is filled with --bg and sits on a card or on the page.
    for (const ground of [colour.card, colour.bg]) {
      expect(contrastRatio(colour['field-border'], ground)).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('mentions (WCAG 2.2)', () => {
  it.each(themes)('%s: text and muted text on a mention are at least 4.5:1', (_, colour) => {
    expect(contrastRatio(colour.text, colour.mention)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colour.muted, colour.mention)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the “Copied” notice (WCAG 2.2)', () => {
  it('writes the card colour on the online green', () => {
    expect(appCss).toMatch(
      /\.copied:not\(:empty\)\s*{[^}]*background:\s*var\(--online\);[^}]*color:\s*var\(--card\);/,
    );
  });

  it.each(themes)('%s: its text is at least 4.5:1 (1.4.3)', (_, colour) => {
    expect(contrastRatio(colour.card, colour.online)).toBeGreaterThanOrEqual(4.5);
  });
});
