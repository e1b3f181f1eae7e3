import type { ThemeConfig } from 'antd';
import { createContext, useContext } from 'react';

/**
 * The app's Ant Design theme: the 马上 red kept, every colour that carries text, a tag's word or
 * a focus ring darkened just enough to reach WCAG 2.x AA (GB/T 37668-2019) on the backgrounds
 * it sits on — 4.5:1 for text, 3:1 for focus indicators and large text. theme.test.ts computes
 * the ratios from these tokens (and antd's derived ones) and fails below the thresholds.
 */
export const THEME_TOKENS = {
  colorPrimary: '#c62828',
  borderRadius: 6,
  // Links and 'processing' tags: antd's #1677ff is 4.1:1 on white.
  colorLink: '#0958d9',
  colorInfo: '#0958d9',
  colorLinkHover: '#003eb3',
  // Hover darkens instead of lightening, so a primary button's white word stays legible.
  colorPrimaryHover: '#a61d1d',
  // Secondary and tertiary text (antd's 45 % black is 3.4:1 on white, its placeholders 1.8:1).
  colorTextTertiary: 'rgba(0,0,0,0.62)',
  colorTextDescription: 'rgba(0,0,0,0.62)',
  colorTextPlaceholder: 'rgba(0,0,0,0.56)',
  // The traffic lights keep their hue with darker words: tags show these on their light backgrounds.
  colorError: '#c41d1d',
  colorSuccess: '#2b7a0b',
  colorWarning: '#8a5300',
  // …on antd's own light backgrounds and borders (derived from the darker seeds they would turn grey).
  colorSuccessBg: '#f6ffed',
  colorSuccessBorder: '#b7eb8f',
  colorWarningBg: '#fffbe6',
  colorWarningBorder: '#ffe58f',
  // The focus ring (antd draws it in colorPrimaryBorder): #eda9a1 was 2.0:1 on white.
  colorPrimaryBorder: '#d9534f',
  // Preset-colour tags (Tag color="green") write their word in the palette's 7th shade: one or two shades darker.
  red7: '#a8071a',
  volcano7: '#ad2102',
  orange7: '#ad4e00',
  gold7: '#874d00',
  yellow7: '#876800',
  lime7: '#3f6600',
  green7: '#237804',
  cyan7: '#006d75',
  blue7: '#003eb3',
  geekblue7: '#10239e',
  purple7: '#391085',
  magenta7: '#9e1068',
} as const;

/**
 * A traffic light's colour where it writes a word or a number on white (the 驾驶舱's counts, a
 * table's red count): the AA tokens above, not the chart hues of LIGHT_HEX (#faad14 is 1.9:1).
 */
export const LIGHT_TEXT = {
  red: THEME_TOKENS.colorError,
  yellow: THEME_TOKENS.colorWarning,
  green: THEME_TOKENS.colorSuccess,
  done: THEME_TOKENS.colorTextTertiary,
} as const;

export const PRESET_COLORS = ['red', 'volcano', 'orange', 'gold', 'yellow', 'lime', 'green', 'cyan', 'blue', 'geekblue', 'purple', 'magenta'] as const;

/**
 * The theme at the chosen text size: 14 px, or 16 px with 大字 (适老化). No text is smaller
 * than the base in the main views: antd's 12 px "small" size is the base size here.
 */
export function appTheme(largeText: boolean): ThemeConfig {
  const fontSize = largeText ? 16 : 14;
  return {
    token: { ...THEME_TOKENS, fontSize, fontSizeSM: fontSize },
    // A table's "no data" is drawn in the disabled grey (1.8:1): here it is secondary text.
    components: { Table: { colorTextDisabled: THEME_TOKENS.colorTextTertiary } },
  };
}

export const APP_THEME: ThemeConfig = appTheme(false);

/**
 * antd draws preset and status tags from its own palette whatever the tokens say: this style
 * sheet (added once by main.tsx) writes their words in the darker shades above, and the "no data"
 * of lists and tables in secondary text.
 */
export function contrastCss(): string {
  const T = THEME_TOKENS as unknown as Record<string, string>;
  // !important: antd's own rules for a tag variant (filled, outlined) carry more classes than these.
  const presets = PRESET_COLORS.map((c) => `.ant-tag.ant-tag-${c}:not(.ant-tag-solid){color:${T[`${c}7`]} !important}`);
  const status = ([['success', 'colorSuccess'], ['error', 'colorError'], ['warning', 'colorWarning'], ['processing', 'colorInfo']] as const).map(
    ([k, token]) => `.ant-tag.ant-tag-${k}:not(.ant-tag-solid){color:${T[token]} !important}`,
  );
  return [
    ...presets,
    ...status,
    `.ant-list-empty-text,.ant-table-placeholder,.ant-empty-description{color:${T.colorTextTertiary} !important}`,
    `.ant-badge .ant-badge-count{background:${T.colorError} !important}`,
  ].join('\n');
}

/** The larger-text setting, remembered per browser profile (localStorage 'mashang.largeText'). */
export const TextSizeContext = createContext<{ largeText: boolean; setLargeText: (v: boolean) => void }>({ largeText: false, setLargeText: () => {} });
export const useTextSize = () => useContext(TextSizeContext);

/** A colour as [r, g, b, a] (0–255 and 0–1): #rgb, #rrggbb or rgba(). */
export function parseColor(c: string): [number, number, number, number] {
  const s = c.trim().toLowerCase();
  const rgba = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(s);
  if (rgba) return [Number(rgba[1]), Number(rgba[2]), Number(rgba[3]), rgba[4] === undefined ? 1 : Number(rgba[4])];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s);
  if (!hex) throw new Error(`not a colour: ${c}`);
  const h = hex[1]!.length === 3 ? [...hex[1]!].map((x) => x + x).join('') : hex[1]!;
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16), 1];
}

/** A colour laid over an opaque background (alpha compositing). */
function over(fg: string, bg: string): [number, number, number] {
  const [r, g, b, a] = parseColor(fg);
  const [br, bgg, bb] = parseColor(bg);
  return [r * a + br * (1 - a), g * a + bgg * (1 - a), b * a + bb * (1 - a)];
}

/** WCAG 2.x relative luminance of an sRGB colour. */
export function luminance([r, g, b]: [number, number, number]): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2.x contrast ratio of a (possibly translucent) foreground on an opaque background, 1–21. */
export function contrast(fg: string, bg: string): number {
  const a = luminance(over(fg, bg));
  const b = luminance(over(bg, '#ffffff'));
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
