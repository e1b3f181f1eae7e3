import { z } from 'zod';

/** Shared zod pieces for params, queries and bodies. */
export const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const Id = z.number().int().positive().max(2_147_483_647);
export const DateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');
/** A query flag: ?includeInactive=true|false|1|0. */
export const QueryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
export const Limit = z.coerce.number().int().min(1).max(500).default(100);
/** Trimmed, non-empty, bounded text; control characters are refused. */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- finding control characters is this check's job
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'contains control characters');
