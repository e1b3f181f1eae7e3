import { hasRole, inScope, scopeOf, type Actor } from '../../platform/auth/actor.ts';
import { RECORD_ACTIONS, nextStatus, type RecordAction, type RecordStatus } from './rules.ts';

/**
 * Who may do what with an accountability record, as pure functions of the actor and the record's
 * facts. The SQL that lists the records a person may see is `AccountabilityStore.visible`
 * (store.ts); accountability.api.test.ts holds the two together.
 *
 * - Supervisors (督查室) whose region covers the target unit, and admins, see every record there
 *   including drafts; only supervisors in scope create, edit drafts, issue and close (the issue:
 *   "only supervisors create and issue"; an admin reads but does not act in their place).
 * - Once issued, the leaders over the target unit, the target person, and the heads of the
 *   target unit (or of a unit above it) see it; the person concerned explains (申辩): the target
 *   person, or, for a record against a unit, the target unit's own heads.
 */
export interface RecordSight {
  targetUnitId: number;
  targetPath: string;
  targetPersonId: number | null;
  status: RecordStatus;
}

/** May the actor create a record against the unit at `targetPath` (and edit, issue, close there)? */
export function canManage(actor: Actor, targetPath: string): boolean {
  return hasRole(actor, 'supervisor') && inScope(scopeOf(actor), targetPath);
}

/** May the actor attach an evidence file? A supervisor over the target, until the record is closed. */
export function canAttach(actor: Actor, r: { targetPath: string; status: string }): boolean {
  return r.status !== 'closed' && canManage(actor, r.targetPath);
}

/** May the actor see the record? */
export function canSee(actor: Actor, r: RecordSight): boolean {
  if (hasRole(actor, 'admin') || canManage(actor, r.targetPath)) return true;
  if (r.status === 'draft') return false;
  if (actor.personId === r.targetPersonId) return true;
  if (hasRole(actor, 'leader', 'unit_head') && inScope(scopeOf(actor), r.targetPath)) return true;
  return false;
}

/** Is the actor the person concerned, who may explain (申辩)? */
export function isConcerned(actor: Actor, r: RecordSight): boolean {
  if (r.targetPersonId !== null) return actor.personId === r.targetPersonId;
  return hasRole(actor, 'unit_head') && actor.unitId === r.targetUnitId;
}

/** May the actor take this action now (permission and state)? */
export function may(actor: Actor, action: RecordAction, r: RecordSight): boolean {
  if (!nextStatus(r.status, action).ok) return false;
  return action === 'explain' ? isConcerned(actor, r) : canManage(actor, r.targetPath);
}

/** The actions the actor may take on the record now (the web page's buttons). */
export function allowedActions(actor: Actor, r: RecordSight): RecordAction[] {
  return RECORD_ACTIONS.filter((a) => may(actor, a, r));
}
