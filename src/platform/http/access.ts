import type { Role } from '../auth/actor.ts';

/**
 * The authorization rule every route declares in `config.access` (the web app's files excepted). The guard refuses to
 * start the app when a route has none, so no route is open by omission.
 * - `public`: no login (health, login, the citizen portal).
 * - `roles`: logged in with at least one of these roles ('any': any logged-in person).
 * Scope (which units) is checked by the service against the loaded object, never a client id.
 */
export type Access = { public: true } | { roles: readonly Role[] | 'any' };

export const PUBLIC: Access = { public: true };
export const ANY_USER: Access = { roles: 'any' };
export const roles = (...r: Role[]): Access => ({ roles: r });
