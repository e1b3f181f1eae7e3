import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest } from '../errors.ts';
import { ANY_USER, roles } from '../http/access.ts';
import { NoContent } from '../http/responses.ts';
import { DateString, OptionalText, QueryInt } from '../http/zod.ts';
import { addDays } from './calendar.ts';
import type { CalendarService } from './service.ts';

const YearParam = z.object({ year: QueryInt(1990, 2100) });
const DayMap = z.record(DateString, z.string().trim().min(1).max(50)).refine((m) => Object.keys(m).length <= 366, 'at most 366 days');
const DayKind = z.enum(['workday', 'weekend', 'holiday', 'makeup_workday']);

export function calendarRoutes(fastify: FastifyInstance, calendar: CalendarService): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];

  app.get('/api/v1/calendar/years', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '日历年份: which years have a schedule, and which are missing',
      response: {
        200: z.object({
          items: z.array(z.object({ year: z.number(), source: z.enum(['builtin', 'imported']), holidays: z.number(), workdays: z.number(), note: z.string().nullable(), updatedAt: z.string().nullable() })),
          missingYears: z.array(z.number()),
        }),
      },
    },
    handler: async () => ({ items: await calendar.listYears(), missingYears: await calendar.missingYears() }),
  });

  app.get('/api/v1/calendar/years/:year', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: "One year's schedule: its holidays and makeup working days (调休上班), name per day",
      params: YearParam,
      response: { 200: z.object({ year: z.number(), holidays: z.record(z.string(), z.string()), workdays: z.record(z.string(), z.string()), source: z.enum(['builtin', 'imported']) }) },
    },
    handler: async (req) => ({ year: req.params.year, ...(await calendar.year(req.params.year)) }),
  });

  app.put('/api/v1/calendar/years/:year', {
    config: { access: roles('admin') },
    schema: {
      tags,
      summary: '导入或更正一年的日历 (replaces the built-in schedule of that year)',
      params: YearParam,
      body: z.strictObject({ holidays: DayMap, workdays: DayMap, note: OptionalText(200).nullable().optional() }),
      response: { 204: NoContent },
    },
    handler: async (req, reply) => {
      const { holidays, workdays, note } = req.body;
      await calendar.importYear(req.auditContext(), req.params.year, { holidays, workdays }, note ?? null);
      return reply.status(204).send();
    },
  });

  app.delete('/api/v1/calendar/years/:year', {
    config: { access: roles('admin') },
    schema: { tags, summary: 'Drop an imported year (the built-in schedule applies again)', params: YearParam, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await calendar.removeYear(req.auditContext(), req.params.year);
      return reply.status(204).send();
    },
  });

  app.get('/api/v1/calendar/days', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: 'Each day from..to (at most 400 days): working day, weekend, holiday or makeup working day',
      querystring: z.object({ from: DateString, to: DateString }),
      response: {
        200: z.object({ items: z.array(z.object({ date: z.string(), kind: DayKind, isWorkday: z.boolean(), name: z.string().optional(), estimated: z.boolean() }).meta({ id: 'CalendarDay' })) }),
      },
    },
    handler: async (req) => {
      const { from, to } = req.query;
      if (to < from) throw badRequest('"to" is before "from".');
      if (Date.parse(to) - Date.parse(from) > 400 * 86_400_000) throw badRequest('At most 400 days at once.');
      const cal = await calendar.get();
      const items = [];
      for (let d = from; d <= to; d = addDays(d, 1)) items.push(cal.day(d));
      return { items };
    },
  });

  app.get('/api/v1/calendar/add-workdays', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: 'The date N 工作日 after a date; estimated when it crosses a year with no schedule',
      querystring: z.object({ from: DateString, workdays: QueryInt(-1000, 1000) }),
      response: { 200: z.object({ date: z.string(), estimated: z.boolean() }) },
    },
    handler: async (req) => (await calendar.get()).addWorkdays(req.query.from, req.query.workdays),
  });
}
