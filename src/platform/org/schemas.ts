import { z } from 'zod';
import { RANKS, ROLES, type Actor } from '../auth/actor.ts';
import type { Unit } from '../db/schema.ts';
import { IdCursor, pageQuery } from '../http/paging.ts';
import { DateString, Id, QueryBool, QueryId, QueryText, Text } from '../http/zod.ts';
import type { PersonRow } from './service.ts';
import { LEVELS, seesContactOf, UNIT_KINDS } from './rules.ts';

export const UnitCode = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, _ . - (at most 64)');
export const Login = z.string().trim().regex(/^[a-z0-9][a-z0-9_.-]{1,63}$/, 'lower-case letters, digits, _ . - (2 to 64)');

export const UnitResponse = z.object({
  id: z.number(),
  name: z.string(),
  code: z.string(),
  kind: z.enum(UNIT_KINDS),
  level: z.enum(LEVELS),
  parentId: z.number().nullable(),
  sortOrder: z.number(),
  active: z.boolean(),
}).meta({ id: 'Unit' });
export const toUnitResponse = (u: Unit): z.infer<typeof UnitResponse> => ({
  id: u.id,
  name: u.name,
  code: u.code,
  kind: u.kind,
  level: u.level,
  parentId: u.parentId,
  sortOrder: u.sortOrder,
  active: u.active,
});

export const UnitListQuery = z.object({ includeInactive: QueryBool.optional(), under: QueryId.optional() });
export const UnitCreateBody = z.strictObject({
  parentId: Id.nullable(),
  code: UnitCode,
  name: Text(100),
  kind: z.enum(UNIT_KINDS),
  level: z.enum(LEVELS).optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
export type UnitCreateBody = z.infer<typeof UnitCreateBody>;
export const UnitUpdateBody = z
  .strictObject({ parentId: Id.optional(), code: UnitCode.optional(), name: Text(100).optional(), sortOrder: z.number().int().min(0).max(1_000_000).optional() })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const PersonResponse = z.object({
  id: z.number(),
  name: z.string(),
  /** null unless the viewer has the need to know (seesContactOf), as for email and phone. */
  login: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  title: z.string().nullable(),
  rank: z.enum(RANKS),
  /** 任职日期: when the post at this rank began (prorates the yearly field-day target). */
  rankSince: z.string().nullable(),
  roles: z.array(z.string()),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
}).meta({ id: 'Person' });
export const toPersonResponse = (p: PersonRow, viewer: Actor): z.infer<typeof PersonResponse> => {
  const contact = seesContactOf(viewer, p);
  return {
  id: p.id,
  name: p.name,
  login: contact ? p.login : null,
  unitId: p.unitId,
  unitName: p.unitName,
  title: p.title,
  rank: p.rank,
  rankSince: p.rankSince,
  roles: p.roles,
  email: contact ? p.email : null,
  phone: contact ? p.phone : null,
  active: p.active,
  };
};

export const PeopleListQuery = z.object({
  unitId: QueryId.optional(),
  under: QueryId.optional(),
  role: z.enum(ROLES).optional(),
  q: QueryText(50).optional(),
  includeInactive: QueryBool.optional(),
  // Ordered by id: the cursor is [id] of the last person served.
  ...pageQuery(IdCursor),
});

const Roles = z.array(z.enum(ROLES)).max(ROLES.length).refine((r) => new Set(r).size === r.length, 'roles repeat');
const Email = z.string().trim().max(254).email().nullable();
const Phone = z.string().trim().regex(/^[0-9+\-() ]{3,30}$/, 'a phone number').nullable();

export const PersonCreateBody = z.strictObject({
  unitId: Id,
  name: Text(50),
  login: Login,
  title: Text(50).nullable().optional(),
  rank: z.enum(RANKS),
  rankSince: DateString.nullable().optional(),
  roles: Roles,
  email: Email.optional(),
  phone: Phone.optional(),
  password: z.string().max(128).optional(),
});
export const PersonUpdateBody = z
  .strictObject({
    unitId: Id.optional(),
    name: Text(50).optional(),
    title: Text(50).nullable().optional(),
    rank: z.enum(RANKS).optional(),
    rankSince: DateString.nullable().optional(),
    roles: Roles.optional(),
    email: Email.optional(),
    phone: Phone.optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export const PasswordBody = z.strictObject({ password: z.string().min(1).max(128) });
