import { StopOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Space, Typography } from 'antd';
import { colon, useLang, useT } from '../lib/i18n.ts';
import { findingNumbers, ruleName, sortFindings } from '../lib/meetings.ts';
import type { MeetingFinding } from '../lib/types.ts';

/**
 * The findings of the 精文减会 check: each names the rule, the number in force and what would
 * comply. A blocking finding is red with a stop icon and the word 禁止; a warning amber with a
 * warning icon and the word 提醒 — never colour alone.
 */
export function MeetingFindings({ findings, testId = 'mtg-findings' }: { findings: readonly MeetingFinding[]; testId?: string }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid={testId}>
      {sortFindings(findings).map((f, i) => {
        const block = f.severity === 'block';
        const numbers = findingNumbers(f, lang);
        return (
          <Alert
            key={`${f.rule}-${f.item ?? ''}-${i}`}
            type={block ? 'error' : 'warning'}
            showIcon
            icon={block ? <StopOutlined aria-hidden /> : <WarningOutlined aria-hidden />}
            data-rule={f.rule}
            data-severity={f.severity}
            title={
              <span>
                <Typography.Text strong>{`【${block ? t('mtg.block') : t('mtg.warn')}】${ruleName(f.rule, lang)}`}</Typography.Text>
                {numbers && <Typography.Text type="secondary">{` · ${numbers}`}</Typography.Text>}
              </span>
            }
            description={
              <>
                <div>{f.message}</div>
                {f.suggestion && <div>{`${t('mtg.suggestion')}${colon(lang)}${f.suggestion}`}</div>}
              </>
            }
          />
        );
      })}
    </Space>
  );
}
