/** LIKE patterns from user text and unit paths, with LIKE's own characters (`\`, `%`, `_`) escaped. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Everything starting with `p` (a unit path's subtree). */
export const likePrefix = (p: string) => `${escapeLike(p)}%`;

/** Everything containing `s` (a search). */
export const likeContains = (s: string) => `%${escapeLike(s)}%`;
