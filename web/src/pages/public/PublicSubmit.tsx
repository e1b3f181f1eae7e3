import { AimOutlined, CameraOutlined, CopyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Result, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../lib/api.ts';
import { groupCode, REQUEST_TYPE, validPhone, type RequestType } from '../../lib/public.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, publicApi, useCatalog, type SubmitBody, type Submitted } from './public-api.ts';

interface Values {
  type: RequestType;
  category: SubmitBody['category'];
  description: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  website?: string;
}

/** 我要反映: the request form, built for a thumb on a 375 px screen. */
export default function PublicSubmit() {
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<File[]>([]);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [coords, setCoords] = useState<{ lat: number; long: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [locError, setLocError] = useState<string | null>(null);
  const [done, setDone] = useState<{ result: Submitted; photoProblems: string[] } | null>(null);
  const catalog = useCatalog();
  const type = Form.useWatch('type', form);
  const submit = useMutation({
    // The photos go after the request, under its code (they can be added until it is taken in).
    mutationFn: async (body: SubmitBody) => {
      const result = await publicApi.submit(body);
      const photoProblems: string[] = [];
      for (const f of photos) {
        try {
          await publicApi.addPhoto(result.code, f);
        } catch (err) {
          photoProblems.push(`${f.name}：${err instanceof ApiError ? err.message : '上传失败'}`);
        }
      }
      return { result, photoProblems };
    },
    onSuccess: (r) => {
      setDone(r);
      window.scrollTo(0, 0);
    },
  });

  if (done)
    return (
      <Submitted
        result={done.result}
        photoProblems={done.photoProblems}
        onAnother={() => {
          setDone(null);
          setPhotos([]);
          setCoords(null);
          form.resetFields();
        }}
      />
    );

  const locate = () => {
    if (!('geolocation' in navigator)) return setLocError('此设备不支持定位，请填写地址。');
    setLocating(true);
    setLocError(null);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        setCoords({ lat: Math.round(p.coords.latitude * 1e6) / 1e6, long: Math.round(p.coords.longitude * 1e6) / 1e6 });
      },
      () => {
        setLocating(false);
        setLocError('未能获取位置，请填写地址。');
      },
      { timeout: 10_000 },
    );
  };

  const onFinish = (v: Values) => {
    const body: SubmitBody = {
      type: v.type,
      category: v.category,
      description: v.description.trim(),
      ...(v.website ? { website: v.website } : {}),
      ...(v.address?.trim() ? { address: v.address.trim() } : {}),
      ...(coords ? { lat: coords.lat, long: coords.long } : {}),
      ...(v.contactName?.trim() ? { contactName: v.contactName.trim() } : {}),
      ...(v.contactPhone?.trim() ? { contactPhone: v.contactPhone.replace(/\s+/g, '') } : {}),
    };
    submit.mutate(body);
  };

  const categories = catalog.data?.categories ?? [];
  const workdays = catalog.data?.types.find((t) => t.code === type)?.resolveWorkdays;
  return (
    <Card title={<h1 style={{ fontSize: 17, margin: 0 }}>我要反映</h1>} styles={{ body: { padding: 14 } }}>
      <Form form={form} name="pub" layout="vertical" onFinish={onFinish} initialValues={{ type: 'help' }} requiredMark="optional" scrollToFirstError={{ behavior: 'smooth', block: 'center', focus: true }}>
        <Form.Item name="type" label="诉求类型" extra={workdays ? `受理后 ${workdays} 个工作日内办理答复` : type === 'praise' ? '表扬将转达被表扬的单位' : undefined} rules={[{ required: true, message: '请选择诉求类型' }]}>
          <Radio.Group aria-label="诉求类型" style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8 }} optionType="button" buttonStyle="solid">
            {(Object.keys(REQUEST_TYPE) as RequestType[]).map((k) => (
              <Radio.Button key={k} value={k} data-type={k} style={{ textAlign: 'center', borderRadius: 6, height: 40, lineHeight: '38px' }}>
                {REQUEST_TYPE[k][0]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="category" label="事项分类" rules={[{ required: true, message: '请选择事项分类' }]}>
          <Select
            aria-label="事项分类"
            placeholder={catalog.isPending ? '加载中…' : '请选择'}
            loading={catalog.isPending}
            options={categories.map((c) => ({ value: c.code, label: `${c.name}（${c.description}）` }))}
            showSearch={{ optionFilterProp: 'label' }}
            size="large"
          />
        </Form.Item>
        {catalog.isError && <Alert type="error" role="alert" title="分类加载失败，请刷新重试。" style={{ marginBottom: 12 }} />}
        <Form.Item
          name="description"
          label="具体内容"
          rules={[
            { required: true, whitespace: true, message: '请填写具体内容' },
            { validator: (_, v: string | undefined) => ([...(v ?? '').trim()].length >= 5 ? Promise.resolve() : Promise.reject(new Error('请至少写 5 个字，说清楚事情'))) },
          ]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder="请写清楚什么事、在哪里、从什么时候开始，便于尽快办理。" />
        </Form.Item>
        <Form.Item name="address" label="地点" extra={coords ? `已附上当前位置（${coords.lat}, ${coords.long}）` : '如：马上县城关镇人民路 12 号附近'}>
          <Input maxLength={200} size="large" autoComplete="street-address" />
        </Form.Item>
        <Space wrap style={{ marginTop: -12, marginBottom: 16 }}>
          <Button icon={<AimOutlined />} onClick={locate} loading={locating} data-testid="pub-locate">
            {coords ? '重新定位' : '使用当前位置'}
          </Button>
          {coords && (
            <Button type="link" onClick={() => setCoords(null)}>
              不附位置
            </Button>
          )}
          {locError && <Typography.Text type="warning">{locError}</Typography.Text>}
        </Space>
        <Form.Item label="照片" extra={`最多 ${MAX_PHOTOS} 张，每张不超过 5 MB。`}>
          <Upload
            accept="image/jpeg,image/png,image/webp,image/heic"
            multiple
            listType="picture"
            fileList={photos.map((f, i) => ({ uid: `${i}-${f.name}`, name: f.name, status: 'done' as const, originFileObj: f as never }))}
            onRemove={(f) => setPhotos((ps) => ps.filter((_, i) => `${i}-${ps[i]!.name}` !== f.uid))}
            beforeUpload={(file) => {
              setPhotoError(null);
              if (!file.type.startsWith('image/')) setPhotoError(`${file.name}：只能上传照片（图片文件）。`);
              else if (file.size > MAX_PHOTO_BYTES) setPhotoError(`${file.name}：照片不能超过 5 MB。`);
              else setPhotos((ps) => (ps.length >= MAX_PHOTOS ? (setPhotoError(`最多上传 ${MAX_PHOTOS} 张照片。`), ps) : [...ps, file]));
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<CameraOutlined />} size="large" data-testid="pub-photo" disabled={photos.length >= MAX_PHOTOS}>
              添加照片
            </Button>
          </Upload>
          {photoError && <Alert type="error" role="alert" title={photoError} style={{ marginTop: 8 }} />}
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          联系方式选填，只用于办理和回访，不会公开，工作人员看到的电话也会隐去中间四位。
        </Typography.Paragraph>
        <Form.Item name="contactName" label="称呼">
          <Input maxLength={50} size="large" autoComplete="name" />
        </Form.Item>
        <Form.Item name="contactPhone" label="手机号码" rules={[{ validator: (_, v: string | undefined) => (validPhone(v) ? Promise.resolve() : Promise.reject(new Error('请填写正确的手机号码或带区号的固定电话'))) }]}>
          <Input maxLength={20} size="large" inputMode="tel" autoComplete="tel" />
        </Form.Item>
        {/* The honeypot: people never see or reach it (off screen, out of the tab order, hidden from
            screen readers); a bot that fills every field is refused by the server. */}
        <div aria-hidden="true" style={{ position: 'absolute', left: -10000, top: 'auto', width: 1, height: 1, overflow: 'hidden' }}>
          <Form.Item name="website" label="网站">
            <Input tabIndex={-1} autoComplete="off" />
          </Form.Item>
        </div>
        {submit.isError && (
          <Alert
            type="error"
            role="alert"
            showIcon
            title="未能提交"
            description={submit.error instanceof ApiError ? submit.error.message : '网络异常，请稍后再试。'}
            style={{ marginBottom: 12 }}
            data-testid="pub-submit-error"
          />
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending} data-testid="pub-submit">
          提交
        </Button>
      </Form>
    </Card>
  );
}

function Submitted({ result, photoProblems, onAnother }: { result: Submitted; photoProblems: string[]; onAnother: () => void }) {
  const [copied, setCopied] = useState(false);
  const navigate = useNavigate();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.code);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Card>
      <Result
        status="success"
        title="已提交，我们会尽快办理"
        subTitle={`请记下查询码：凭它查询办理进度、查看答复和评价；查询码是查到您这件事的唯一凭证，请勿告诉他人。我们将于 ${result.acknowledgeDue} 前受理。`}
        extra={
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <div role="status" aria-label="查询码" data-testid="pub-code" data-code={result.code} style={{ fontSize: 26, fontWeight: 700, letterSpacing: 2, fontFamily: 'monospace', wordBreak: 'break-all' }}>
              {groupCode(result.code)}
            </div>
            <Space wrap style={{ justifyContent: 'center' }}>
              <Button icon={<CopyOutlined />} onClick={() => void copy()}>
                {copied ? '已复制' : '复制查询码'}
              </Button>
              <Button type="primary" onClick={() => void navigate(`/public/track/${encodeURIComponent(result.code)}`)} data-testid="pub-track-link">
                查询进度
              </Button>
            </Space>
            {photoProblems.length > 0 && <Alert type="warning" showIcon title="部分照片未能上传" description={photoProblems.join('；')} />}
            <Button type="link" onClick={onAnother}>
              再反映一件事
            </Button>
          </Space>
        }
      />
    </Card>
  );
}
