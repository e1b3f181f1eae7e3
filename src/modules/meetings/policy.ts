import { hasRole, inScope, scopeOf, type Actor } from '../../platform/auth/actor.ts';
import { MEETING_ACTIONS, nextStatus, type MeetingAction, type MeetingStatus } from './rules.ts';

/**
 * Who may do what with a meeting, as pure functions of the actor and the meeting's facts. The
 * SQL that lists the meetings a person may see is `MeetingStore.visible` (store.ts: a policy
 * file imports no database); policy.api.test.ts holds the two together.
 */

/** The meeting as the permissions see it. */
export interface MeetingSight {
  organizerUnitId: number;
  organizerPath: string;
  attendingPaths: readonly string[];
  plannedBy: number;
  status: MeetingStatus;
}

/** The roles that plan (and assign): a staff member plans nothing. */
const PLANNERS = ['admin', 'leader', 'supervisor', 'unit_head'] as const;

/**
 * May the actor plan a meeting for this unit? Its unit head (or the head of a unit above it),
 * the leaders and supervisors whose region covers it, an admin.
 */
export function canPlan(actor: Actor, organizerPath: string): boolean {
  return hasRole(actor, ...PLANNERS) && inScope(scopeOf(actor), organizerPath);
}

/**
 * May the actor see the meeting? Those whose scope covers the organiser (the organiser's own
 * people, its heads, the leaders and supervisors over it), the people of an attending unit (and
 * of the units under it), those whose scope covers an attending unit, and the person who planned it.
 */
export function canSeeMeeting(actor: Actor, m: Omit<MeetingSight, 'status'>): boolean {
  const scope = scopeOf(actor);
  if (inScope(scope, m.organizerPath) || actor.personId === m.plannedBy) return true;
  return m.attendingPaths.some((p) => inScope(scope, p) || actor.unitPath.startsWith(p));
}

/** May the actor change the plan, its decisions, conclude or cancel it? Who may plan for the organiser, and the person who planned it. */
export function canManage(actor: Actor, m: Pick<MeetingSight, 'organizerPath' | 'plannedBy'>): boolean {
  return canPlan(actor, m.organizerPath) || actor.personId === m.plannedBy;
}

/**
 * May the actor approve or refuse a plan that overrode a blocking finding? A supervisor (督查室)
 * whose region covers the organiser, or an admin — but not the organiser's own people (someone
 * working in the organising unit itself) and not the person who planned it: nobody approves
 * their own exception.
 */
export function canApprove(actor: Actor, m: Pick<MeetingSight, 'organizerUnitId' | 'organizerPath' | 'plannedBy'>): boolean {
  if (actor.unitId === m.organizerUnitId || actor.personId === m.plannedBy) return false;
  return hasRole(actor, 'admin') || (hasRole(actor, 'supervisor') && inScope(scopeOf(actor), m.organizerPath));
}

/** May the actor record a speaker's actual minutes (the timer)? Who manages it, and anyone working in the organising unit. */
export function canRecordActual(actor: Actor, m: Pick<MeetingSight, 'organizerUnitId' | 'organizerPath' | 'plannedBy'>): boolean {
  return canManage(actor, m) || actor.unitId === m.organizerUnitId;
}

/** May the actor take this action now (permission and state)? */
export function may(actor: Actor, action: MeetingAction, m: MeetingSight): boolean {
  if (!nextStatus(m.status, action).ok) return false;
  switch (action) {
    case 'approve':
    case 'refuse':
      return canApprove(actor, m);
    case 'record_actual':
      return canRecordActual(actor, m);
    default:
      return canManage(actor, m);
  }
}

/** The actions the actor may take on the meeting now (for the web page's buttons). */
export function allowedActions(actor: Actor, m: MeetingSight): MeetingAction[] {
  return MEETING_ACTIONS.filter((a) => may(actor, a, m));
}
