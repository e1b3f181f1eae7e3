import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../platform/db/schema.ts';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';

/**
 * Open311 GeoReport v2: the JSON answers validated against the published schemas
 * (test/fixtures/open311-georeport-v2, copied from the Open311 project), the XML answers field by field; form-urlencoded and
 * JSON posts with a client key that admins issue and revoke; errors as [{ code, description }].
 */
const SPECS = new URL('../../../test/fixtures/open311-georeport-v2/', import.meta.url);
const spec = (name: string) => JSON.parse(readFileSync(new URL(name, SPECS), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ strict: false, validateFormats: false });
for (const name of ['request.json', 'service.json']) ajv.addSchema(spec(name), name);
const validate = (schema: string, data: unknown) => {
  const v = ajv.compile(spec(schema));
  const ok = v(data);
  return ok ? null : ajv.errorsText(v.errors);
};

let ctx: TestContext;
let county: Unit;
let admin: Client;
let key: string;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '开放县' });
  admin = await ctx.as(['admin'], county);
  const issued = await admin.post('/api/v1/open311-clients', { name: '12345 平台' });
  expect(issued.statusCode).toBe(201);
  key = issued.json().key;
  expect(key).toMatch(/^o311_/);
});
afterAll(() => ctx.close());

const form = (fields: Record<string, string>) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
const postForm = (fields: Record<string, string>, format = 'json') => ctx.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, ...form(fields) });
const xmlField = (xml: string, field: string) => [...xml.matchAll(new RegExp(`<${field}>([^<]*)</${field}>`, 'g'))].map((m) => m[1]);

describe('Open311 GeoReport v2', () => {
  it('lists services and a definition with the request type attribute, in JSON (valid) and XML', async () => {
    const j = await ctx.inject({ url: '/open311/v2/services.json' });
    expect(j.statusCode).toBe(200);
    expect(j.headers['content-type']).toMatch(/application\/json/);
    expect(validate('services.json', j.json())).toBeNull();
    expect(j.json()[0]).toMatchObject({ service_code: 'roads', service_name: '道路交通', metadata: true, type: 'batch' });
    const x = await ctx.inject({ url: '/open311/v2/services.xml' });
    expect(x.headers['content-type']).toMatch(/text\/xml/);
    expect(x.body.startsWith('<?xml version="1.0" encoding="UTF-8"?><services><service>')).toBe(true);
    expect(xmlField(x.body, 'service_code')).toEqual(j.json().map((s: { service_code: string }) => s.service_code));
    expect(xmlField(x.body, 'service_name')[0]).toBe('道路交通');
    expect(xmlField(x.body, 'metadata')[0]).toBe('true');

    const d = await ctx.inject({ url: '/open311/v2/services/roads.json' });
    expect(validate('service-definition.json', d.json())).toBeNull();
    expect(d.json().attributes[0]).toMatchObject({ code: 'type', datatype: 'singlevaluelist', required: true });
    expect(d.json().attributes[0].values.map((v: { key: string }) => v.key)).toEqual(['consult', 'help', 'complaint', 'report', 'suggestion', 'praise']);
    const dx = (await ctx.inject({ url: '/open311/v2/services/roads.xml' })).body;
    expect(dx).toContain('<service_definition><service_code>roads</service_code><attributes><attribute>');
    expect(xmlField(dx, 'key')).toEqual(['consult', 'help', 'complaint', 'report', 'suggestion', 'praise']);
    expect(xmlField(dx, 'datatype')).toEqual(['singlevaluelist']);

    const disc = await ctx.inject({ url: '/open311/v2/discovery.json' });
    expect(disc.json().endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production' });
    expect(xmlField((await ctx.inject({ url: '/open311/v2/discovery.xml' })).body, 'format')).toEqual(['application/json', 'text/xml']);
  });

  it('takes a form-urlencoded POST with an api_key, and JSON; answers the id and a token', async () => {
    const res = await postForm({ api_key: key, jurisdiction_id: String(county.id), service_code: 'environment', description: '工地夜间施工噪声扰民', lat: '25.0389', long: '102.7183', 'attribute[type]': 'complaint', first_name: '明', last_name: '王', phone: '13812341234' });
    expect(res.statusCode, res.body).toBe(201);
    const [created] = res.json();
    expect(created.service_request_id).toMatch(/^\d+$/);
    expect(created.token).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{14}$/);
    // The token is the citizen's tracking code.
    expect((await ctx.inject({ url: `/api/v1/public/requests/${created.token}` })).json()).toMatchObject({ type: 'complaint', category: 'environment' });
    const tok = await ctx.inject({ url: `/open311/v2/tokens/${created.token}.json` });
    expect(tok.json()).toEqual([{ service_request_id: created.service_request_id, token: created.token }]);

    const one = await ctx.inject({ url: `/open311/v2/requests/${created.service_request_id}.json?jurisdiction_id=${county.id}` });
    expect(one.statusCode).toBe(200);
    expect(validate('requests.json', one.json())).toBeNull();
    const r = one.json()[0];
    expect(r).toMatchObject({ service_request_id: created.service_request_id, status: 'open', service_code: 'environment', service_name: '生态环境' });
    expect(r.requested_datetime).toMatch(/^2026-12-01T09:\d{2}:\d{2}\+08:00$/);
    // Not publishable: the citizen's words and place stay private; the contact never shows.
    expect(r.description).toBeNull();
    expect(JSON.stringify(one.json())).not.toMatch(/13812341234|王明/);

    const xml = (await ctx.inject({ url: `/open311/v2/requests/${created.service_request_id}.xml?jurisdiction_id=${county.id}` })).body;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><service_requests><request>')).toBe(true);
    for (const f of ['service_request_id', 'status', 'service_code', 'service_name', 'requested_datetime', 'status_notes']) expect(xmlField(xml, f), f).toEqual([String(r[f])]);

    const json = await ctx.inject({ method: 'POST', url: '/open311/v2/requests.xml', payload: { api_key: key, jurisdiction_id: String(county.id), service_code: 'roads', description: '桥头路面塌陷，危险', address_string: '滇池路 1 号', attribute: { type: 'report' } } });
    expect(json.statusCode, json.body).toBe(201);
    expect(xmlField(json.body, 'service_request_id')[0]).toMatch(/^\d+$/);
    expect(xmlField(json.body, 'token')[0]).toMatch(/^[2-9A-Z]{14}$/);
  });

  it('lists requests by id, service_code, dates and status; JSON valid against the spec', async () => {
    await postForm({ api_key: key, jurisdiction_id: String(county.id), service_code: 'housing', description: '小区电梯频繁故障', address_string: '和平小区' });
    const all = await ctx.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${county.id}` });
    expect(all.statusCode).toBe(200);
    expect(validate('requests.json', all.json())).toBeNull();
    expect(all.json().length).toBeGreaterThanOrEqual(3);
    const housing = (await ctx.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${county.id}&service_code=housing` })).json();
    expect(housing.map((r: { service_code: string }) => r.service_code)).toEqual(['housing']);
    expect((await ctx.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${county.id}&status=closed` })).json()).toEqual([]);
    expect((await ctx.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${county.id}&start_date=2027-01-01T00:00:00%2B08:00` })).json()).toEqual([]);
    const ids = all.json().slice(0, 2).map((r: { service_request_id: string }) => r.service_request_id);
    expect((await ctx.inject({ url: `/open311/v2/requests.json?jurisdiction_id=${county.id}&service_request_id=${ids.join(',')}` })).json().map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([...ids].sort());
    const xml = (await ctx.inject({ url: `/open311/v2/requests.xml?jurisdiction_id=${county.id}` })).body;
    expect(xmlField(xml, 'service_request_id')).toEqual(all.json().map((r: { service_request_id: string }) => r.service_request_id));
  });

  it('refuses a citizen’s words the portal refuses — nothing visible, too long, a broken address line — with 400 naming the field, and stores nothing', async () => {
    const base = { api_key: key, jurisdiction_id: String(county.id), service_code: 'roads', lat: '25.61', long: '102.61' };
    const before = await ctx.handle.db.selectFrom('citizenRequest').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const cases: [Record<string, string>, string][] = [
      [{ description: '\u200b\u200b\u200b\u200b\u200b' }, 'description'],
      [{ description: '路'.repeat(2001) }, 'description'],
      [{ description: '桥头路面塌陷，危险', address_string: '\u200b\u3164', lat: '', long: '' }, 'address_string'],
      [{ description: '桥头路面塌陷，危险', first_name: '\u200b' }, 'first_name'],
    ];
    for (const [fields, field] of cases) {
      const body = Object.fromEntries(Object.entries({ ...base, ...fields }).filter(([, v]) => v !== ''));
      const res = await postForm(body);
      expect(res.statusCode, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect(res.json()).toEqual([{ code: 400, description: expect.stringContaining(field) }]);
    }
    const after = await ctx.handle.db.selectFrom('citizenRequest').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // 2,000 characters are taken whole; an address on two lines is kept on one.
    const whole = await postForm({ ...base, description: '路'.repeat(2000), address_string: '滇池路\n1 号' });
    expect(whole.statusCode).toBe(201);
    const row = await ctx.handle.db.selectFrom('citizenRequest').select(['description', 'address']).where('id', '=', Number(whole.json()[0].service_request_id)).executeTakeFirstOrThrow();
    expect(row).toEqual({ description: '路'.repeat(2000), address: '滇池路 1 号' });
  });

  it('answers errors as [{ code, description }] in the asked format: bad key, revoked key, unknown things, bad input', async () => {
    const bad = await postForm({ api_key: 'o311_nope', service_code: 'roads', description: '没有有效密钥的提交', lat: '25', long: '102' });
    expect(bad.statusCode).toBe(403);
    expect(bad.json()).toEqual([{ code: 403, description: expect.stringMatching(/api_key/) }]);
    const badXml = await postForm({ api_key: 'o311_nope', service_code: 'roads', description: '没有有效密钥的提交', lat: '25', long: '102' }, 'xml');
    expect(badXml.body).toContain('<errors><error><code>403</code><description>');
    expect((await postForm({ api_key: key, jurisdiction_id: String(county.id), service_code: 'roads', description: '没有位置的提交内容' })).json()[0].code).toBe(400);
    expect((await postForm({ api_key: key, jurisdiction_id: String(county.id), service_code: 'nope', description: '未知服务', lat: '25', long: '102' })).json()[0].code).toBe(400);
    // Terminal escapes and direction overrides in a citizen's words are refused, as in the /api texts.
    for (const [field, value] of [['description', '路面塌陷\u001b[31m危险'], ['address_string', '滇池路\u202e1 号'], ['first_name', '王\u0007']]) {
      const res = await postForm({ api_key: key, jurisdiction_id: String(county.id), service_code: 'roads', description: '桥头路面塌陷，危险', lat: '25', long: '102', [field!]: value! });
      expect(res.statusCode, `${field} ${JSON.stringify(value)}`).toBe(400);
      expect(res.json()[0].description).toContain(field);
    }
    expect((await ctx.inject({ url: '/open311/v2/services/nope.json' })).statusCode).toBe(400);
    expect((await ctx.inject({ url: '/open311/v2/requests/2147483647.json' })).json()).toEqual([{ code: 404, description: expect.any(String) }]);
    expect((await ctx.inject({ url: '/open311/v2/nothing.json' })).json()[0].code).toBe(404);
    expect((await ctx.inject({ url: '/open311/v2/requests.json?jurisdiction_id=999999' })).json()[0].code).toBe(404);
    expect((await ctx.inject({ url: '/open311/v2/requests.json?start_date=yesterday' })).json()[0].code).toBe(400);
    // PostgreSQL has no year 0: the date is refused as input, not a 500 from the database.
    for (const date of ['0000-01-01', '0000-01-01T00:00:00Z', '2026-02-30', '2026-13-01T00:00:00Z', '1899-12-31']) {
      for (const param of ['start_date', 'end_date']) {
        const res = await ctx.inject({ url: `/open311/v2/requests.json?${param}=${encodeURIComponent(date)}` });
        expect(res.statusCode, `${param}=${date}`).toBe(400);
        expect(res.json()[0].code).toBe(400);
      }
    }

    const issued = (await admin.post('/api/v1/open311-clients', { name: '将吊销的应用' })).json();
    const ok = await postForm({ api_key: issued.key, jurisdiction_id: String(county.id), service_code: 'roads', description: '吊销前的提交内容', lat: '25.1', long: '102.1' });
    expect(ok.statusCode).toBe(201);
    expect((await admin.post(`/api/v1/open311-clients/${issued.id}/revoke`)).json().revokedAt).toEqual(expect.any(String));
    expect((await postForm({ api_key: issued.key, jurisdiction_id: String(county.id), service_code: 'roads', description: '吊销后的提交内容', lat: '25.2', long: '102.2' })).statusCode).toBe(403);
    // Keys are stored hashed; the list shows only their prefix.
    const list = (await admin.get('/api/v1/open311-clients')).json();
    expect(JSON.stringify(list)).not.toContain(issued.key);
    const stored = await ctx.handle.db.selectFrom('open311Client').select('keyHash').where('id', '=', issued.id).executeTakeFirstOrThrow();
    expect(stored.keyHash).not.toContain(issued.key);
  });

  it('shows a request closed with the unit responsible once verified, and its text once publishable', async () => {
    const created = (await postForm({ api_key: key, jurisdiction_id: String(county.id), service_code: 'market', description: '超市售卖过期食品', address_string: '东风路超市', lat: '25.05', long: '102.72' })).json()[0];
    const id = Number(created.service_request_id);
    const desk = await ctx.as(['supervisor'], county);
    const unit = await ctx.newUnit({ parent: county, name: '市场监管局' });
    await desk.post(`/api/v1/citizen-requests/${id}/assign`, { version: 1, unitId: unit.id });
    await ctx.handle.db.updateTable('citizenRequest').set({ status: 'answered', answeredAt: new Date(), publishable: true }).where('id', '=', id).execute();
    const r = (await ctx.inject({ url: `/open311/v2/requests/${id}.json?jurisdiction_id=${county.id}` })).json()[0];
    expect(r).toMatchObject({ status: 'closed', agency_responsible: '市场监管局', description: '超市售卖过期食品', address: '东风路超市', lat: 25.05 });
    expect(r.expected_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T18:00:00\+08:00$/);
    expect(validate('request.json', r)).toBeNull();
  });
});
