import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
});
afterAll(() => ctx.close());

describe('calendar API', () => {
  it('health and the years list report 2027 as missing until it is imported', async () => {
    expect((await ctx.inject({ method: 'GET', url: '/api/health' })).json().calendar).toEqual({ missingYears: [2027] });
    const admin = await ctx.as(['admin']);
    const years = (await admin.get('/api/v1/calendar/years')).json();
    expect(years.missingYears).toEqual([2027]);
    expect(years.items.find((y: { year: number }) => y.year === 2026)).toMatchObject({ source: 'builtin' });

    const put = await admin.put('/api/v1/calendar/years/2027', {
      holidays: { '2027-01-01': '元旦', '2027-02-05': '春节', '2027-02-08': '春节' },
      workdays: { '2027-02-06': '春节' },
      note: '国务院办公厅通知',
    });
    expect(put.statusCode).toBe(204);
    expect((await ctx.inject({ method: 'GET', url: '/api/health' })).json().calendar).toEqual({ missingYears: [] });
    const added = (await admin.get('/api/v1/calendar/add-workdays?from=2027-02-04&workdays=1')).json();
    expect(added).toEqual({ date: '2027-02-06', estimated: false });

    expect((await admin.delete('/api/v1/calendar/years/2027')).statusCode).toBe(204);
    expect((await admin.get('/api/v1/calendar/add-workdays?from=2027-02-04&workdays=1')).json()).toEqual({ date: '2027-02-05', estimated: true });
  });

  it('lets an admin correct a built-in year, and audits it', async () => {
    const admin = await ctx.as(['admin']);
    const current = (await admin.get('/api/v1/calendar/years/2026')).json();
    expect(current.source).toBe('builtin');
    const holidays = { ...current.holidays, '2026-12-31': '地方性假日' };
    expect((await admin.put('/api/v1/calendar/years/2026', { holidays, workdays: current.workdays })).statusCode).toBe(204);
    const days = (await admin.get('/api/v1/calendar/days?from=2026-12-30&to=2027-01-01')).json().items;
    expect(days.map((d: { kind: string }) => d.kind)).toEqual(['workday', 'holiday', 'workday']);
    expect(days[2].estimated).toBe(true);
    const audit = await ctx.handle.db.selectFrom('auditLog').select(['action', 'actorId']).where('objectType', '=', 'calendar_year').where('objectId', '=', '2026').execute();
    expect(audit).toEqual([{ action: 'calendar.import', actorId: admin.person.id }]);
    await admin.delete('/api/v1/calendar/years/2026');
  });

  it('refuses an invalid schedule with every problem listed, and non-admins with 403', async () => {
    const admin = await ctx.as(['admin']);
    const bad = await admin.put('/api/v1/calendar/years/2027', { holidays: { '2026-12-31': 'x' }, workdays: { '2027-02-08': '周一' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.problems).toHaveLength(2);
    const notADate = await admin.put('/api/v1/calendar/years/2027', { holidays: { '2027-02-30': 'x' }, workdays: {} });
    expect(notADate.statusCode).toBe(400);
    const leader = await ctx.as(['leader']);
    expect((await leader.put('/api/v1/calendar/years/2027', { holidays: {}, workdays: {} })).statusCode).toBe(403);
    expect((await leader.get('/api/v1/calendar/days?from=2026-01-01&to=2027-12-31')).statusCode).toBe(400);
    expect((await leader.get('/api/v1/calendar/days?from=2026-02-01&to=2026-01-01')).statusCode).toBe(400);
    expect((await leader.get('/api/v1/calendar/years/1999')).statusCode).toBe(404);
  });
});
