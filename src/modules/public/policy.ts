import { hasRole, inScope, scopeOf, type Actor } from '../../platform/auth/actor.ts';

/**
 * Who may do what with citizens' requests. The desk (受理): supervisors (督查室) whose region
 * covers the request's jurisdiction, and admins. The unit a request was assigned to acts on it
 * through its heads (and heads above it) and the task's responsible person. `requestSight` is
 * what RequestStore.visible turns into SQL; policy.api.test.ts holds the two together.
 */

export interface RequestPlaces {
  /** The jurisdiction's path (the region whose desk takes the request in). */
  regionPath: string;
  /** The assigned unit's path, once assigned. */
  unitPath: string | null;
  /** The task's responsible person, once dispatched. */
  responsibleId?: number | null | undefined;
}

/** The hotline desk over a jurisdiction: a supervisor whose region covers it, or an admin. */
export function canHandle(actor: Actor, regionPath: string): boolean {
  return hasRole(actor, 'admin') || (hasRole(actor, 'supervisor') && inScope(scopeOf(actor), regionPath));
}

/** Acts for the assigned unit: its heads (or heads above it), the responsible person, an admin. */
export function canActForUnit(actor: Actor, r: RequestPlaces): boolean {
  if (!r.unitPath) return false;
  if (hasRole(actor, 'admin')) return true;
  if (r.responsibleId != null && r.responsibleId === actor.personId) return true;
  return hasRole(actor, 'unit_head') && r.unitPath.startsWith(actor.unitPath);
}

/**
 * Sees a request: the desk and the leaders of its jurisdiction (their region covers it), and the
 * people whose scope covers the assigned unit (its staff, its heads and those above).
 */
export function canSeeRequest(actor: Actor, r: RequestPlaces): boolean {
  const scope = scopeOf(actor);
  if (scope.all) return true;
  if (hasRole(actor, 'supervisor', 'leader') && inScope(scope, r.regionPath)) return true;
  return r.unitPath !== null && inScope(scope, r.unitPath);
}

/**
 * The contact (name, phone) unmasked: only those who need it to call the citizen — the desk and
 * the task's responsible person. Everyone else sees 138****1234.
 */
export function needsContact(actor: Actor, r: RequestPlaces): boolean {
  return canHandle(actor, r.regionPath) || (r.responsibleId != null && r.responsibleId === actor.personId);
}

/** Sets up and lists service windows of a unit: an admin, or a supervisor or unit head whose scope covers it. */
export function canManageWindow(actor: Actor, unitPath: string): boolean {
  return hasRole(actor, 'admin') || (hasRole(actor, 'supervisor', 'unit_head') && inScope(scopeOf(actor), unitPath));
}

/** Issues a visit code at a window: the people of its unit (and anyone whose scope covers it). */
export function canIssueVisit(actor: Actor, unitPath: string): boolean {
  return inScope(scopeOf(actor), unitPath);
}

/** What the list's SQL needs: the region subtrees seen whole (desk, leaders) and the unit scope. */
export interface RequestSight {
  all: boolean;
  regionSubtrees: string[];
  unitSubtrees: string[];
  units: string[];
}
export function requestSight(actor: Actor): RequestSight {
  const scope = scopeOf(actor);
  return {
    all: scope.all,
    regionSubtrees: hasRole(actor, 'supervisor', 'leader') ? scope.subtrees : [],
    unitSubtrees: scope.subtrees,
    units: scope.units,
  };
}
