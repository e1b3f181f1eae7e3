import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import { serverToday } from '../lib/auth.ts';
import { useT } from '../lib/i18n.ts';
import { WorkdayDatePicker } from './pickers.tsx';

/** The `milestones` form list (title and due date per row), for the 交办 form and the plan dialog. */
export function MilestoneList({ titleRules, block = false }: { titleRules: Rule[]; block?: boolean }) {
  const t = useT();
  return (
    <Form.List name="milestones">
      {(items, { add, remove }) => (
        <>
          {items.map((f, i) => (
            // Each row's boxes are named with its number: two rows' "节点" and "请选择日期" placeholders
            // alone do not tell a screen reader which milestone, or that the date is its due date.
            <Space key={f.key} align="baseline" wrap role="group" aria-label={`${t('assign.milestone')} ${i + 1}`}>
              <Form.Item name={[f.name, 'title']} rules={titleRules}>
                <Input placeholder={t('assign.milestone')} maxLength={200} aria-label={`${t('assign.milestone')} ${i + 1} ${t('assign.milestoneTitle')}`} />
              </Form.Item>
              <Form.Item name={[f.name, 'due']} rules={[{ required: true, message: t('assign.due') }]}>
                <WorkdayDatePicker minDate={serverToday()} aria-label={`${t('assign.milestone')} ${i + 1} ${t('assign.due')}`} />
              </Form.Item>
              <Button type="text" icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(f.name)} aria-label={`${t('common.remove')} ${t('assign.milestone')} ${i + 1}`} />
            </Space>
          ))}
          <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} block={block}>
            {t('assign.addMilestone')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
