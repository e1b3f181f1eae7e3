import { z } from 'zod';
import { Cursor, pageQuery } from '../../platform/http/paging.ts';
import { Id, Line, QueryId, QueryInt, QueryText, Text } from '../../platform/http/zod.ts';
import { CASE_STATUSES, COMPONENT_KEYS, PEER_GROUPS } from './rules.ts';
import { CASE_ACTIONS, type CaseAction } from './policy.ts';
import type { ModelCase } from './schema.ts';

/** A case as the service returns it: the row with its unit's and people's names. */
export type CaseRow = ModelCase & { unitPath: string; unitName: string; nominatedByName: string; decidedByName: string | null };

/** `period`: YYYY-MM, YYYY-Qn or YYYY (checked again by the rules; anything else is a 400). */
const PeriodParam = z
  .string()
  .max(20)
  .regex(/^(2\d{3})(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'expected YYYY-MM, YYYY-Qn or YYYY (2000–2999)');

export const BoardQuery = z.object({
  period: PeriodParam.optional(),
  peer: z.enum(PEER_GROUPS).default('township'),
  /** Only the units under this one (a county). */
  unitId: QueryId.optional(),
});

export const PeriodQuery = z.object({ period: PeriodParam.optional() });

const ComponentBrief = z.object({ key: z.enum(COMPONENT_KEYS), name: z.string(), score: z.number().nullable(), weight: z.number() });

export const BoardItem = z.object({
  unitId: z.number(),
  unitName: z.string(),
  groupId: z.number().describe('The peer group: the county whose townships (or departments) compete'),
  groupName: z.string(),
  score: z.number().nullable().describe('0–100; null: no data (or a peer whose score a unit head does not see)'),
  rank: z.number().nullable().describe('Within the group; equal scores share a rank and the next skips; null: no data'),
  change: z.number().nullable().describe('Score minus last period’s; null for a new unit or no data'),
  full: z.boolean().describe('false: a unit head’s peer, rank only'),
  components: z.array(ComponentBrief),
});

export const BoardResponse = z.object({
  period: z.string(),
  peer: z.enum(PEER_GROUPS),
  computedAt: z.string().nullable(),
  closed: z.boolean(),
  items: z.array(BoardItem),
  red: z.array(z.number()).describe('红榜: unit ids, the best of each group'),
  black: z.array(z.number()).describe('黑榜: unit ids, the worst of each group'),
});

const ComponentFull = z.object({
  key: z.enum(COMPONENT_KEYS),
  name: z.string(),
  score: z.number().nullable(),
  weight: z.number(),
  share: z.number().describe('The weight’s share after renormalising over the components with data (0–1)'),
  samples: z.number(),
  explanation: z.string().describe('The formula in words and numbers (zh-CN)'),
  facts: z.record(z.string(), z.number()),
  records: z.enum(['task', 'urging', 'request', 'meeting', 'document', 'visit', 'finding']),
});

export const UnitScoreResponse = z.object({
  period: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }),
  peer: z.string(),
  group: z.object({ id: z.number(), name: z.string() }),
  score: z.number().nullable(),
  rank: z.number().nullable(),
  of: z.number().describe('How many units of the group are ranked'),
  change: z.number().nullable(),
  explanation: z.string(),
  computedAt: z.string(),
  closed: z.boolean(),
  components: z.array(ComponentFull),
});

export const UnitParams = z.object({ unitId: QueryId });
export const ComponentParams = z.object({ unitId: QueryId, key: z.enum(COMPONENT_KEYS) });
export const PersonComponentParams = z.object({ personId: QueryId, key: z.enum(COMPONENT_KEYS) });

const RecordCursor = Cursor(z.tuple([Id]));
export const RecordsQuery = z.object({ period: PeriodParam.optional(), ...pageQuery(RecordCursor, 50) });

export const RecordsResponse = z.object({
  period: z.string(),
  component: z.enum(COMPONENT_KEYS),
  records: z.string(),
  ledger: z
    .object({ path: z.string(), query: z.record(z.string(), z.union([z.string(), z.number()])) })
    .nullable()
    .describe('The ledger filter that lists the same kind of records (the web app links to it)'),
  items: z.array(
    z.object({
      kind: z.enum(['task', 'request', 'meeting', 'document', 'visit', 'finding']),
      id: z.number(),
      title: z.string(),
      status: z.string(),
      good: z.boolean().describe('Counts for the component (on time, signed on time, …)'),
      link: z.string().describe('The web app’s page of the record'),
      facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const PeopleQuery = z.object({ period: PeriodParam.optional(), unitId: QueryId.optional() });
export const PeopleResponse = z.object({
  period: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }),
  items: z.array(
    z.object({ personId: z.number(), name: z.string(), score: z.number().nullable(), rank: z.number().nullable(), change: z.number().nullable(), explanation: z.string(), components: z.array(ComponentFull) }),
  ),
});

export const RecomputeBody = z.object({ periods: z.array(PeriodParam).min(1).max(24).optional() }).strict();
export const RecomputeResponse = z.object({
  results: z.array(z.object({ period: z.string(), units: z.number(), people: z.number(), closed: z.boolean(), skipped: z.boolean() })),
});

export const PeriodsResponse = z.object({ items: z.array(z.object({ period: z.string(), computedAt: z.string(), closed: z.boolean() })) });

// --- model cases ---

const Tag = Line(20);
export const CaseBody = z
  .object({
    title: Line(200),
    summary: Text(1000),
    body: Text(50_000),
    tags: z.array(Tag).max(20).optional(),
    unitId: Id.optional(),
    taskId: Id.optional(),
  })
  .strict();
export const CasePatchBody = z
  .object({ version: z.number().int().min(1).max(2_147_483_647), title: Line(200).optional(), summary: Text(1000).optional(), body: Text(50_000).optional(), tags: z.array(Tag).max(20).optional() })
  .strict();
export const CaseDecideBody = z.object({ version: z.number().int().min(1).max(2_147_483_647), note: Text(1000).optional() }).strict();

const CaseCursor = Cursor(z.tuple([Id]));
export const CaseListQuery = z.object({
  q: QueryText(100).optional(),
  unitId: QueryId.optional(),
  tag: QueryText(20).optional(),
  year: QueryInt(2000, 2999).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  taskId: QueryId.optional(),
  ...pageQuery(CaseCursor, 50),
});

export const CaseResponse = z.object({
  id: z.number(),
  version: z.number(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  unit: z.object({ id: z.number(), name: z.string() }),
  taskId: z.number().nullable(),
  status: z.enum(CASE_STATUSES),
  year: z.number(),
  nominatedBy: z.object({ id: z.number(), name: z.string() }),
  decidedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(z.enum(CASE_ACTIONS)).describe('What the caller may do to the case now: update (edit the write-up), select (入选), reject (未入选)'),
});

export function toCaseResponse(c: CaseRow, allowedActions: CaseAction[]): z.infer<typeof CaseResponse> {
  return {
    id: c.id,
    version: c.version,
    title: c.title,
    summary: c.summary,
    body: c.body,
    tags: c.tags,
    unit: { id: c.unitId, name: c.unitName },
    taskId: c.taskId,
    status: c.status,
    year: c.year,
    nominatedBy: { id: c.nominatedBy, name: c.nominatedByName },
    decidedBy: c.decidedBy ? { id: c.decidedBy, name: c.decidedByName ?? '' } : null,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    decisionNote: c.decisionNote,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    allowedActions,
  };
}
