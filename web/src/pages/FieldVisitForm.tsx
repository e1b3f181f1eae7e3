import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../lib/api.ts';
import { serverToday, useMe } from '../lib/auth.ts';
import { useLang, useT, type MessageKey } from '../lib/i18n.ts';
import { idParam, options, placeKindName, SEVERITY, VISIT_KIND, visitBody, type FieldVisit, type FindingRow, type PlacePage, type VisitKind } from '../lib/research.ts';
import type { FieldVisitBody, Person, PersonPage } from '../lib/types.ts';

type Labelled = { value: number; label: string };
interface FormValues {
  people: Labelled[];
  startDate?: string;
  endDate?: string;
  halfDay?: boolean;
  kind?: VisitKind;
  places?: Labelled[];
  unannounced?: boolean;
  purpose?: string;
  seen?: string;
  met?: string;
  findings?: FindingRow[];
}

/** People searched on the server; the chosen ones keep their names while the search moves on. */
function PeopleSelect(props: { value?: Labelled[]; onChange?: (v: Labelled[]) => void; id?: string }) {
  const [q, setQ] = useState('');
  const people = useQuery({ queryKey: ['people', 'fw', q], queryFn: () => api.get<PersonPage>('/api/v1/people', { q: q || undefined, limit: 50 }).then((r) => r.items) });
  return (
    <Select
      id={props.id}
      mode="multiple"
      labelInValue
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={props.value ?? []}
      onChange={(v) => props.onChange?.(v)}
      loading={people.isPending}
      options={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.unitName}）` }))}
      style={{ width: '100%' }}
    />
  );
}

/** Places (villages, enterprises, …) searched on the server by name. */
function PlacesSelect(props: { value?: Labelled[]; onChange?: (v: Labelled[]) => void; id?: string }) {
  const { lang } = useLang();
  const [q, setQ] = useState('');
  const places = useQuery({ queryKey: ['places', 'pick', q], queryFn: () => api.get<PlacePage>('/api/v1/field-visits/places', { q: q || undefined, limit: 50 }).then((r) => r.items) });
  return (
    <Select
      id={props.id}
      mode="multiple"
      labelInValue
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={props.value ?? []}
      onChange={(v) => props.onChange?.(v)}
      loading={places.isPending}
      options={(places.data ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.townshipName} · ${placeKindName(p.kind, lang)}${p.tags.length ? ` · ${p.tags.join('/')}` : ''}）` }))}
      style={{ width: '100%' }}
    />
  );
}

const MISSING: Record<string, MessageKey> = { people: 'fw.needPeople', dates: 'fw.needDates', order: 'fw.needOrder', kind: 'fw.needKind', purpose: 'fw.needPurpose' };

/** 记录一线工作: who went, when (whole days or a half day), where, how, what was seen and found. */
export default function FieldVisitForm() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const halfDay = Form.useWatch('halfDay', form);
  const chosenPlaces = Form.useWatch('places', form) ?? [];
  const [missing, setMissing] = useState<MessageKey | null>(null);
  const forId = idParam(params.get('personId'));
  const forPerson = useQuery({ queryKey: ['person', forId], queryFn: () => api.get<Person>(`/api/v1/people/${forId}`), enabled: forId !== undefined && forId !== me.data?.id });
  const save = useMutation({
    mutationFn: (body: FieldVisitBody) => api.post<FieldVisit>('/api/v1/field-visits', body),
    onSuccess: (v) => {
      void qc.invalidateQueries({ queryKey: ['field-visits'] });
      const who = v.people[0]?.id ?? forId;
      void navigate(`/field-work?${who ? `personId=${who}&` : ''}year=${v.startDate.slice(0, 4)}`);
    },
  });
  const today = serverToday().format('YYYY-MM-DD');
  const initialPeople: Labelled[] = forId && forId !== me.data?.id ? (forPerson.data ? [{ value: forPerson.data.id, label: forPerson.data.name }] : []) : me.data ? [{ value: me.data.id, label: me.data.name }] : [];
  if (forId && forId !== me.data?.id && forPerson.isPending) return null;

  const submit = (v: FormValues) => {
    const r = visitBody({
      personIds: (v.people ?? []).map((p) => p.value),
      startDate: v.startDate ?? null,
      endDate: v.endDate ?? null,
      halfDay: !!v.halfDay,
      ...(v.kind ? { kind: v.kind } : {}),
      placeIds: (v.places ?? []).map((p) => p.value),
      unannounced: !!v.unannounced,
      purpose: v.purpose ?? '',
      seen: v.seen ?? '',
      met: v.met ?? '',
      findings: v.findings ?? [],
    });
    if (!r.ok) {
      setMissing(MISSING[r.missing] ?? null);
      return;
    }
    setMissing(null);
    save.mutate(r.body);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('fw.log')}
      </Typography.Title>
      <Form<FormValues>
        form={form}
        name="fv"
        layout="vertical"
        initialValues={{ people: initialPeople, startDate: today, endDate: today, halfDay: false, kind: 'survey', unannounced: false, findings: [] }}
        onFinish={submit}
      >
        <Card size="small">
          <Form.Item name="people" label={t('fw.people')} rules={[{ required: true, message: t('fw.needPeople') }]}>
            <PeopleSelect />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={8}>
              <Form.Item name="startDate" label={halfDay ? t('fw.date') : t('fw.startDate')} rules={[{ required: true, message: t('fw.needDates') }]}>
                <Input type="date" />
              </Form.Item>
            </Col>
            {!halfDay && (
              <Col xs={24} sm={8}>
                <Form.Item
                  name="endDate"
                  label={t('fw.endDate')}
                  dependencies={['startDate']}
                  rules={[
                    { required: true, message: t('fw.needDates') },
                    ({ getFieldValue }) => ({
                      validator: (_, v: string | undefined) => (!v || !getFieldValue('startDate') || v >= (getFieldValue('startDate') as string) ? Promise.resolve() : Promise.reject(new Error(t('fw.needOrder')))),
                    }),
                  ]}
                >
                  <Input type="date" />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} sm={8}>
              <Form.Item name="halfDay" label={t('fw.halfDay')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="kind" label={t('fw.kind')} rules={[{ required: true, message: t('fw.needKind') }]}>
            <Radio.Group aria-label={t('fw.kind')} options={options(VISIT_KIND, lang)} />
          </Form.Item>
          <Form.Item name="places" label={t('fw.places')}>
            <PlacesSelect />
          </Form.Item>
          <Form.Item name="unannounced" valuePropName="checked">
            <Checkbox>{t('fw.unannouncedLabel')}</Checkbox>
          </Form.Item>
          <Form.Item name="purpose" label={t('fw.purpose')} rules={[{ required: true, whitespace: true, message: t('fw.needPurpose') }, { max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="seen" label={t('fw.seen')} rules={[{ max: 5000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
          </Form.Item>
          <Form.Item name="met" label={t('fw.met')} rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
          </Form.Item>
        </Card>

        <Typography.Title level={5} id="findings-heading" style={{ marginTop: 16 }}>
          {t('fw.findings')}
        </Typography.Title>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" size={8} style={{ width: '100%' }} role="group" aria-labelledby="findings-heading">
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  data-testid={`finding-row-${i}`}
                  title={`${i + 1}.`}
                  extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={`${t('fw.removeFinding')} ${i + 1}`} onClick={() => remove(field.name)} />}
                >
                  <Form.Item name={[field.name, 'problem']} label={t('fw.problem')} style={{ marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: t('fw.needProblem') }, { max: 2000 }]}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
                  </Form.Item>
                  <Row gutter={8}>
                    <Col xs={24} sm={10}>
                      <Form.Item name={[field.name, 'placeId']} label={t('fw.place')} style={{ marginBottom: 8 }}>
                        <Select allowClear options={chosenPlaces.map((p) => ({ value: p.value, label: p.label }))} notFoundContent={t('fw.pickPlacesFirst')} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={8}>
                      <Form.Item name={[field.name, 'category']} label={t('fw.category')} style={{ marginBottom: 8 }} rules={[{ max: 50 }]}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[field.name, 'severity']} label={t('fw.severity')} style={{ marginBottom: 8 }}>
                        <Select allowClear options={options(SEVERITY, lang)} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ problem: '' })} disabled={fields.length >= 50} data-testid="finding-add">
                {t('fw.addFinding')}
              </Button>
            </Space>
          )}
        </Form.List>
        {(missing || save.isError) && (
          <Alert style={{ marginTop: 16 }} type="error" showIcon role="alert" data-testid="fv-error" title={missing ? t(missing) : save.error instanceof ApiError ? save.error.message : String(save.error)} />
        )}
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="fv-submit">
            {t('fw.save')}
          </Button>
          <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Space>
  );
}
