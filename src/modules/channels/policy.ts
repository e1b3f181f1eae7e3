/**
 * Who may configure channels. Pure: no store, no I/O.
 * - Group robots: an admin anywhere; a supervisor (督查室) for units of their region's subtree
 *   (the township's work group, the county office's supervision group).
 * - The SMS gateway: admins only (one per installation; it carries the gateway's credentials).
 * - Personal settings: each person their own.
 */
import { hasRole, type Actor } from '../../platform/auth/actor.ts';

export function canManageRobotsAt(actor: Pick<Actor, 'roles' | 'regionPath'>, unitPath: string): boolean {
  if (hasRole(actor, 'admin')) return true;
  return hasRole(actor, 'supervisor') && unitPath.startsWith(actor.regionPath);
}

/** The subtrees whose robots the actor lists: null for all (admin). */
export function robotSight(actor: Pick<Actor, 'roles' | 'regionPath'>): string[] | null {
  if (hasRole(actor, 'admin')) return null;
  return hasRole(actor, 'supervisor') ? [actor.regionPath] : [];
}
