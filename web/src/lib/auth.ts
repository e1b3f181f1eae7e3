import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError, setCsrfToken } from './api.ts';
import type { Me, User } from './types.ts';

let serverDate: string | null = null;
/**
 * Today as the server counts it (Asia/Shanghai, and the demo's clock): deadlines count from
 * this day, not from the browser's clock.
 */
export const serverToday = (): Dayjs => dayjs(serverDate ?? undefined);

/** Who is signed in (null when nobody); keeps the session's CSRF token for writes. */
export async function fetchMe(): Promise<User | null> {
      try {
        const r = await api.get<Me>('/api/v1/auth/me');
        setCsrfToken(r.csrfToken);
        serverDate = r.today;
        return r.user;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
}

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: fetchMe, staleTime: 60_000 });
}

export const hasRole = (u: User | null | undefined, ...roles: string[]) => !!u && u.roles.some((r) => roles.includes(r));
/** Who may assign tasks (交办). */
export const canAssign = (u: User | null | undefined) => hasRole(u, 'leader', 'supervisor', 'unit_head', 'admin');
/** Who sees the 比学赶超 scoreboard (the server says the same: leaders and supervisors over their scope, unit heads, admins). */
export const canSeeScoreboard = (u: User | null | undefined) => hasRole(u, 'leader', 'supervisor', 'unit_head', 'admin');
/** Who sees reports and notices. */
export const canSeeReports = (u: User | null | undefined) => hasRole(u, 'leader', 'supervisor', 'unit_head', 'admin');
