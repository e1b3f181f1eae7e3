import { hasRole, inScope, scopeOf, type Actor, type Scope } from '../../platform/auth/actor.ts';

/**
 * Who may do what in 一线工作法, as pure functions of the actor and the facts. The SQL that lists
 * the visits a person may see is `ResearchStore.visible` (store.ts), built from `visitSight`;
 * research.api.test.ts holds the two together.
 */

/** The roles that oversee others' field work: their scope's people's visits are theirs to see. */
const OVERSEERS = ['admin', 'supervisor', 'leader', 'unit_head'] as const;

/**
 * Over whose units the actor sees visits: admins everything; supervisors and leaders their
 * region; unit heads their unit's subtree; staff nobody else's (only the visits they were on).
 */
export function visitSight(actor: Actor): Scope {
  if (!hasRole(actor, ...OVERSEERS)) return { all: false, subtrees: [], units: [] };
  return scopeOf(actor);
}

/** May the actor see a visit? The people on it, and who oversees one of them (their unit heads, the leaders and supervisors over their units, admins). */
export function canSeeVisit(actor: Actor, v: { personIds: readonly number[]; personPaths: readonly string[] }): boolean {
  if (v.personIds.includes(actor.personId)) return true;
  const sight = visitSight(actor);
  return v.personPaths.some((p) => inScope(sight, p));
}

/** May the actor log a visit for this person, or read their quota? The person themself, or who oversees them. */
export function canActFor(actor: Actor, person: { id: number; unitPath: string }): boolean {
  return person.id === actor.personId || inScope(visitSight(actor), person.unitPath);
}

/** May the actor turn a finding of a visit they see into a supervised task? Who assigns work (the tasks engine checks the lead unit is in their scope). */
export function canAssign(actor: Actor): boolean {
  return hasRole(actor, ...OVERSEERS);
}

/** May the actor add, change or retire places of this township? Supervisors (督查室) of the region and admins. */
export function canManagePlaces(actor: Actor, townshipPath: string): boolean {
  return hasRole(actor, 'admin', 'supervisor') && inScope(scopeOf(actor), townshipPath);
}

/** May the actor read the places under this unit? Anyone whose region contains it (the visit form's picker), admins anywhere. */
export function canSeePlacesUnder(actor: Actor, unitPath: string): boolean {
  return hasRole(actor, 'admin') || unitPath.startsWith(actor.regionPath) || actor.regionPath.startsWith(unitPath);
}

/** May the actor read the field-work tables and statistics of this unit's subtree? Who oversees it (staff: nobody's but their own quota). */
export function canSeeStatsOf(actor: Actor, unitPath: string): boolean {
  const sight = visitSight(actor);
  return sight.all || inScope(sight, unitPath) || (hasRole(actor, 'supervisor', 'leader') && actor.regionPath.startsWith(unitPath));
}
