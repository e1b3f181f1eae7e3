import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag, Typography } from 'antd';
import { ErrorState } from '../../components/States.tsx';
import { api } from '../../lib/api.ts';
import { useLang, useT } from '../../lib/i18n.ts';
import { flattenPolicy, pathName, sectionName, type PolicyRow } from '../../lib/policy.ts';
import type { PolicyInForce } from '../../lib/types.ts';

const show = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

export default function Policy() {
  const t = useT();
  const { lang } = useLang();
  const q = useQuery({ queryKey: ['policy'], queryFn: () => api.get<PolicyInForce>('/api/v1/policy') });
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const rows = q.data ? flattenPolicy(q.data.policy, q.data.defaults) : [];
  return (
    <Card title={t('admin.policy')}>
      <Typography.Paragraph type="secondary">{lang === 'zh' ? '本单位所在地区当前生效的规定数字（上级地区的调整逐级合并）。' : 'The numbers in force for your region (regional overrides merged down the tree).'}</Typography.Paragraph>
      <Table<PolicyRow>
        rowKey="path"
        size="small"
        loading={q.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: lang === 'zh' ? '类别' : 'Section', dataIndex: 'section', width: 120, render: (s: string) => sectionName(s, lang === 'zh') },
          { title: lang === 'zh' ? '参数' : 'Setting', dataIndex: 'path', render: (p: string) => (pathName(p, lang === 'zh') ? <span title={p}>{pathName(p, lang === 'zh')}</span> : <code>{p}</code>) },
          { title: t('admin.policyValue'), dataIndex: 'value', width: 140, render: (v: unknown, r) => (r.changed ? <Tag color="blue">{show(v)}</Tag> : show(v)) },
          { title: t('admin.policyDefault'), dataIndex: 'defaultValue', width: 120, render: show },
        ]}
      />
    </Card>
  );
}
