import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { segments, VERDICT_COLOR, verdictName } from '../lib/documents.ts';
import { colon, paren, useLang, useT } from '../lib/i18n.ts';
import type { DocumentCheck } from '../lib/types.ts';

const PHRASE_STYLE = { background: '#ffe58f', padding: 0, borderRadius: 2 };
const PREAMBLE_STYLE = { background: '#f0f0f0', color: 'inherit', padding: 0, boxShadow: 'inset 3px 0 0 #8c8c8c' };
const REPEAT_STYLE = { background: 'transparent', color: 'inherit', padding: 0, textDecoration: 'underline wavy #cf1322', textUnderlineOffset: 3 };

/** The check's numbers, verdict and reasons. */
export function CheckSummary({ check }: { check: DocumentCheck }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} bordered>
        <Descriptions.Item label={t('doc.characters')}>
          <span data-testid="doc-characters" style={{ color: check.overLimit ? '#cf1322' : undefined, fontWeight: 600 }}>
            {check.characters.toLocaleString('en-US')} / {check.limit.toLocaleString('en-US')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('doc.verdict')}>
          <Tag color={VERDICT_COLOR[check.verdict]} data-testid="doc-verdict">
            {verdictName(check.verdict, lang)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('doc.phrasesPer1000')}>
          {check.phrasesPer1000}
          {paren(lang, String(check.phrases.length))}
        </Descriptions.Item>
        <Descriptions.Item label={t('doc.preambleRatio')}>{Math.round(check.preambleRatio * 100)}%</Descriptions.Item>
      </Descriptions>
      <Alert
        type={check.verdict === 'pass' ? 'success' : check.verdict === 'revise' ? 'warning' : 'error'}
        showIcon
        title={t('doc.reasons')}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="doc-reasons">
            {check.reasons.map((r, i) => (
              <li key={i}>{r.message}</li>
            ))}
          </ul>
        }
      />
    </Space>
  );
}

/**
 * The text with its findings marked: each formulaic phrase a <mark> named "套话：…", the opening
 * passage (穿靴戴帽) one <mark> around it, repeated paragraphs underlined with the document they
 * repeat in their name. Screen readers hear the names; the colours are for the eye.
 */
export function MarkedText({ text, check }: { text: string; check: DocumentCheck }) {
  const t = useT();
  const { lang } = useLang();
  const pieces = segments(text, check);
  const render = (list: typeof pieces): ReactNode[] =>
    list.map((s) => {
      let node: ReactNode = s.text;
      if (s.phrase !== null) {
        node = (
          <mark className="doc-phrase" aria-label={`${t('doc.phrases')}${colon(lang)}${s.phrase}`} title={t('doc.phrases')} style={PHRASE_STYLE}>
            {node}
          </mark>
        );
      }
      if (s.repeat !== null) {
        const r = check.repeats[s.repeat]!;
        node = (
          <mark className="doc-repeat" aria-label={`${t('doc.repeats')}${colon(lang)}《${r.documentTitle}》${r.documentNumber ?? ''}`} title={`《${r.documentTitle}》${r.documentNumber ?? ''}`} style={REPEAT_STYLE}>
            {node}
          </mark>
        );
      }
      return <Fragment key={s.start}>{node}</Fragment>;
    });
  const opening = pieces.filter((s) => s.preamble);
  const rest = pieces.filter((s) => !s.preamble);
  return (
    <Card size="small" title={t('doc.body')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('doc.legend')}</Typography.Text>}>
      <div data-testid="doc-marked" style={{ whiteSpace: 'pre-wrap', lineHeight: 2, fontSize: 15, maxHeight: 640, overflow: 'auto' }} tabIndex={0} role="region" aria-label={t('doc.body')}>
        {opening.length > 0 && (
          <mark className="doc-preamble" aria-label={t('doc.preamble')} title={t('doc.preamble')} style={PREAMBLE_STYLE} data-testid="doc-preamble">
            {render(opening)}
          </mark>
        )}
        {render(rest)}
      </div>
    </Card>
  );
}
