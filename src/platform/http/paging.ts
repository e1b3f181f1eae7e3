import { z } from 'zod';
import { Id, Limit } from './zod.ts';

/**
 * Keyset paging, one shape for every list: the client sends `?cursor=…&limit=…` and gets
 * `{ items, nextCursor }`, where `nextCursor` is null on the last page. A cursor is opaque to
 * clients — base64url JSON of the last row's sort key(s), ending with its id — and is checked on
 * the way in like any other field, so a forged one is a 400 on `cursor`, not a database error.
 */

/** The sort key(s) of the last row served, ending with its id. */
export type CursorKey = readonly (string | number)[];

export const encodeCursor = (key: CursorKey): string => Buffer.from(JSON.stringify(key)).toString('base64url');

const NOT_A_CURSOR = '不是本接口给出的游标：请原样传回上一页的 nextCursor (not a cursor from this API: pass the previous page’s nextCursor unchanged)';

/** The `cursor` query parameter, decoded and checked against `shape` (a zod tuple of the sort keys). */
export function Cursor<T extends z.ZodType<CursorKey>>(shape: T) {
  return z
    .string()
    .max(200)
    .transform((s, ctx): z.output<T> => {
      let raw: unknown;
      if (/^[A-Za-z0-9_-]+$/.test(s)) {
        try {
          raw = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
        } catch {
          // not JSON: refused below
        }
      }
      const key = shape.safeParse(raw);
      if (key.success) return key.data;
      ctx.addIssue({ code: 'custom', message: NOT_A_CURSOR });
      return z.NEVER;
    });
}

/** A cursor of lists ordered by id alone. */
export const IdCursor = Cursor(z.tuple([Id]));

/** The paging part of a list's query: `cursor` and `limit` (1 … 500). */
export const pageQuery = <C extends z.ZodType<CursorKey | undefined, string>>(cursor: C, defaultLimit = 100) => ({
  cursor: cursor.optional(),
  limit: Limit.default(defaultLimit),
});

/** The response of a list: its items and the cursor of the next page (null on the last). */
export const Page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/**
 * One page from rows read with `limit + 1`: the extra row only says that there is a next page,
 * whose cursor is the last served row's key.
 */
export function pageOf<R>(rows: readonly R[], limit: number, keyOf: (last: R) => CursorKey): { items: R[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
