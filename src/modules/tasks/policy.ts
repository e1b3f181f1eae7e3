import { hasRole, inScope, scopeOf, type Actor, type Role } from '../../platform/auth/actor.ts';
import type { ActorFacts, TaskFacts } from './rules.ts';
import type { TaskRow } from './events.ts';

/**
 * Who may do what with a task, as pure functions of the actor and the task. The lifecycle's
 * actions are decided by `rules.decide` from the facts built here; seeing a task, assigning to a
 * unit and attaching files are decided below. The SQL that lists the tasks a person may see is
 * `TaskViewStore.visible` in views-store.ts; a test holds the two together (policy.api.test.ts).
 */

/** The task as the rules see it. */
export function taskFacts(t: TaskRow): TaskFacts {
  return {
    status: t.status,
    level: t.level,
    deadline: t.deadline,
    assignerId: t.assignerId,
    leaderId: t.leaderId,
    responsibleId: t.responsibleId,
    leadUnitPath: t.leadUnitPath,
    signDue: t.signDue,
    planDue: t.planDue,
    planAt: t.planAt,
    nextReportDue: t.nextReportDue,
    nextMilestoneDue: t.nextMilestoneDue,
    submittedOn: t.submittedOn,
    extensionsUsed: t.extensionsUsed,
    pendingExtension: t.pendingExtension,
    escalationRung: t.escalationRung,
    openUrgings: t.openUrgings,
  };
}

/** The roles that may assign work (交办); the create route's access and the assigner's standing. */
export const ASSIGNING_ROLES = ['leader', 'supervisor', 'unit_head', 'admin'] as const satisfies readonly Role[];

/**
 * The actor as the rules see them, for this task: decided from the roles and scope they hold
 * now, not from the part they had when the task was made (an assigner demoted to staff, or moved
 * out of the lead unit's region, no longer verifies).
 */
export function actorFacts(actor: Actor, t: { leadUnitPath: string }): ActorFacts {
  const scope = scopeOf(actor);
  return {
    personId: actor.personId,
    roles: actor.roles,
    headsLeadUnit: hasRole(actor, 'admin') || (hasRole(actor, 'unit_head') && t.leadUnitPath.startsWith(actor.unitPath)),
    supervises: hasRole(actor, 'supervisor', 'admin') && inScope(scope, t.leadUnitPath),
    assigns: hasRole(actor, ...ASSIGNING_ROLES) && inScope(scope, t.leadUnitPath),
    oversees: canOversee(actor, t.leadUnitPath),
  };
}

/** May this person oversee (分管) work of the unit at `unitPath`? A leader (or admin) whose scope covers it. */
export function canOversee(person: Pick<Actor, 'roles' | 'unitPath' | 'regionPath'>, unitPath: string): boolean {
  return hasRole(person, 'leader', 'admin') && inScope(scopeOf(person), unitPath);
}

/** What decides whether a task is in sight beyond the task row itself. */
export interface TaskSightFacts {
  /** Paths of the task's co-units (协办单位). */
  coUnitPaths: readonly string[];
  /** The actor owns one of the task's milestones. */
  ownsMilestone: boolean;
}

/** Does the task's row alone let the actor see it (lead unit in scope, or assigner, responsible person, overseeing leader)? */
export function seesFromRow(actor: Actor, t: TaskRow): boolean {
  return inScope(scopeOf(actor), t.leadUnitPath) || [t.assignerId, t.responsibleId, t.leaderId].includes(actor.personId);
}

/**
 * May the actor see the task? What the row shows (seesFromRow), else a co-unit in their scope or
 * a milestone they own.
 */
export function canSeeTask(actor: Actor, t: TaskRow, sight: TaskSightFacts): boolean {
  if (seesFromRow(actor, t)) return true;
  const scope = scopeOf(actor);
  return sight.coUnitPaths.some((p) => inScope(scope, p)) || sight.ownsMilestone;
}

/** May the actor name this unit as a lead or co-unit (交办, 重新交办)? Only inside their scope. */
export function canAssignTo(actor: Actor, unitPath: string): boolean {
  return inScope(scopeOf(actor), unitPath);
}

/** May the actor attach files to the task? Its responsible person, the lead unit's head, its assigner or overseeing leader. */
export function canUpload(actor: Actor, t: TaskRow): boolean {
  return actorFacts(actor, t).headsLeadUnit || [t.responsibleId, t.assignerId, t.leaderId].includes(actor.personId);
}
