import { Tag, Tooltip } from 'antd';
import { LIGHT_COLOR, lightName, reasonName } from '../lib/format.ts';
import { useLang } from '../lib/i18n.ts';
import type { Light } from '../lib/types.ts';

export function LightTag({ light, reasons = [] }: { light: Light; reasons?: string[] }) {
  const { lang } = useLang();
  const tag = (
    <Tag color={LIGHT_COLOR[light]} data-light={light} style={{ marginInlineEnd: 0 }}>
      {lightName(light, lang)}
    </Tag>
  );
  return reasons.length ? <Tooltip title={reasons.map((r) => reasonName(r, lang)).join('；')}>{tag}</Tooltip> : tag;
}
