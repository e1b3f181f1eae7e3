import { hasRole, inScope, scopeOf, type Actor, type Role } from '../../platform/auth/actor.ts';
import type { ActorFacts, TaskFacts } from './rules.ts';
import type { TaskRow } from './events.ts';
import type { TaskLongText } from './schema.ts';

/**
 * Who may do what with a task, as pure functions of the actor and the task. The lifecycle's
 * actions are decided by `rules.decide` from the facts built here; seeing a task, assigning to a
 * unit and attaching files are decided below. The SQL that lists the tasks a person may see is
 * `TaskViewStore.visible` in views-store.ts; a test holds the two together (policy.api.test.ts).
 */

/** The task as the rules see it. */
/** The rules' view of a task; a list row (without the long texts) is enough. */
export function taskFacts(t: Omit<TaskRow, TaskLongText | 'countyId'>): TaskFacts {
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

/** A co-unit's part as the policy needs it: the unit and where it stands in the tree. */
export interface CoPartPlace {
  unitId: number;
  unitPath: string;
  signedAt: Date | null;
}

/** Does the actor head this co-unit (a unit head whose unit is the co-unit or above it)? Admins do not take a co-unit's part. */
export function headsCoUnit(actor: Pick<Actor, 'roles' | 'unitPath'>, unitPath: string): boolean {
  return hasRole(actor, 'unit_head') && unitPath.startsWith(actor.unitPath);
}

/** The actor as the rules see them for this task, with the co-units they head and whether they may add files. */
export function taskActorFacts(actor: Actor, t: TaskRow, parts: readonly CoPartPlace[]): ActorFacts {
  return { ...actorFacts(actor, t), coUnitsHeaded: parts.filter((p) => headsCoUnit(actor, p.unitPath)).map((p) => p.unitId), uploads: canUpload(actor, t) };
}

/** The task as the rules see it, with its co-units' parts. */
export function taskFactsWithParts(t: TaskRow, parts: readonly CoPartPlace[]): TaskFacts {
  return { ...taskFacts(t), coParts: parts.map((p) => ({ unitId: p.unitId, signed: p.signedAt !== null })) };
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

/**
 * A task withdrawn (撤回) by its assigner has left every list; its page stays open to the assigner
 * (and admins), and the audit keeps the rest.
 */
export function seesWithdrawn(actor: Actor, t: Pick<TaskRow, 'assignerId'>): boolean {
  return t.assignerId === actor.personId || hasRole(actor, 'admin');
}

/** Does the task's row alone let the actor see it (lead unit in scope, or assigner, responsible person, overseeing leader)? */
export function seesFromRow(actor: Actor, t: TaskRow): boolean {
  if (t.status === 'withdrawn') return seesWithdrawn(actor, t);
  return inScope(scopeOf(actor), t.leadUnitPath) || [t.assignerId, t.responsibleId, t.leaderId].includes(actor.personId);
}

/**
 * May the actor see the task? What the row shows (seesFromRow), else a co-unit in their scope or
 * a milestone they own.
 */
export function canSeeTask(actor: Actor, t: TaskRow, sight: TaskSightFacts): boolean {
  if (seesFromRow(actor, t)) return true;
  if (t.status === 'withdrawn') return false;
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
