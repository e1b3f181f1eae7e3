import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { contrast, LIGHT_TEXT, PRESET_COLORS, THEME_TOKENS } from './theme.ts';

/**
 * WCAG 2.x AA (GB/T 37668-2019 §5.1.4.3 and 1.4.11): the theme's text colours reach 4.5:1 on the
 * backgrounds they are drawn on, focus rings 3:1. The tokens are antd's, derived from ours.
 */
const t = theme.getDesignToken({ token: THEME_TOKENS }) as unknown as Record<string, string>;
const WHITE = '#ffffff';

describe('contrast of the theme tokens', () => {
  it('computes the WCAG ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    // antd's defaults that the audit found failing.
    expect(contrast('#1677ff', WHITE)).toBeLessThan(4.5);
    expect(contrast('rgba(0,0,0,0.45)', WHITE)).toBeLessThan(4.5);
    expect(contrast('#ff4d4f', '#fff2f0')).toBeLessThan(4.5);
  });

  const text: [fg: string, bg: string][] = [
    ['colorText', 'colorBgContainer'],
    ['colorTextSecondary', 'colorBgContainer'],
    ['colorTextTertiary', 'colorBgContainer'],
    ['colorTextDescription', 'colorBgContainer'],
    ['colorTextPlaceholder', 'colorBgContainer'],
    ['colorTextTertiary', 'colorBgLayout'],
    ['colorLink', 'colorBgContainer'],
    ['colorLinkHover', 'colorBgContainer'],
    ['colorPrimary', 'colorBgContainer'],
    ['colorTextLightSolid', 'colorPrimary'],
    ['colorTextLightSolid', 'colorPrimaryHover'],
    // The traffic-light tags: their word on their light background, and as plain text.
    ['colorError', 'colorErrorBg'],
    ['colorSuccess', 'colorSuccessBg'],
    ['colorWarning', 'colorWarningBg'],
    ['colorInfo', 'colorInfoBg'],
    ['colorErrorText', 'colorBgContainer'],
    ['colorSuccessText', 'colorBgContainer'],
    ['colorWarningText', 'colorBgContainer'],
    ['colorText', 'colorFillTertiary'],
    ['colorText', 'controlItemBgActive'],
    ['colorPrimary', 'controlItemBgActive'],
  ];
  it.each(text)('%s on %s reaches 4.5:1', (fg, bg) => {
    expect(contrast(t[fg]!, t[bg]!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(PRESET_COLORS)('a %s tag: its word on its background reaches 4.5:1', (c) => {
    expect(contrast(t[`${c}7`]!, t[`${c}1`]!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(LIGHT_TEXT))('a %s light written on white (%s) reaches 4.5:1', (_, c) => {
    expect(contrast(c, WHITE)).toBeGreaterThanOrEqual(4.5);
  });

  it('a white word on the error badge reaches 4.5:1', () => {
    expect(contrast('#ffffff', t.colorError!)).toBeGreaterThanOrEqual(4.5);
  });

  it('the focus ring reaches 3:1 on white', () => {
    expect(contrast(t.colorPrimaryBorder!, WHITE)).toBeGreaterThanOrEqual(3);
  });
});
