import { hasRole, inScope, scopeOf, type Actor } from '../../platform/auth/actor.ts';
import { caseTransition, type CaseStatus } from './rules.ts';

/**
 * Who may see and do what in 比学赶超, as pure functions of the actor and the facts. The SQL
 * that lists the scores a person may see is `ScoreboardStore.board` (store.ts), built from
 * `boardSight`; scoreboard.api.test.ts holds the two together.
 *
 * - Scores: admins everything; supervisors (督查室) and leaders the units of their region; a unit
 *   head their own unit in full and the ranks (only) of its peers; staff none but their own
 *   person score.
 * - People's scores: who oversees the unit (admins, supervisors and leaders of the region, the
 *   unit's heads above or at it), and each person their own.
 * - Recompute on demand: admins and supervisors.
 * - Model cases (典型): every signed-in person reads the selected ones (a library inside the
 *   government); supervisors over the case's unit and admins nominate, edit, select or reject and
 *   read every state; the nominator reads their own.
 */

/** How the actor sees a board: `full` paths (score, components) and the units whose peers' ranks they see. */
export interface BoardSight {
  all: boolean;
  /** Units at or under these paths: seen in full. */
  full: string[];
  /** A unit head's own unit: its peer group's ranks are visible (not their scores). */
  ownUnitPath: string | null;
}

export function boardSight(actor: Actor): BoardSight {
  if (hasRole(actor, 'admin')) return { all: true, full: [], ownUnitPath: null };
  const full: string[] = [];
  if (hasRole(actor, 'supervisor', 'leader')) full.push(actor.regionPath);
  if (hasRole(actor, 'unit_head')) full.push(actor.unitPath);
  return { all: false, full, ownUnitPath: hasRole(actor, 'unit_head') ? actor.unitPath : null };
}

/** May the actor read the scoreboard at all (staff: no)? */
export const canReadBoard = (actor: Actor): boolean => hasRole(actor, 'admin', 'supervisor', 'leader', 'unit_head');

/** May the actor see this unit's score, components and the records behind them? */
export function canSeeUnitScore(actor: Actor, unitPath: string): boolean {
  const s = boardSight(actor);
  return s.all || s.full.some((p) => unitPath.startsWith(p));
}

/** May the actor see a person's score (and the tasks behind it)? Themself, and who oversees the person's unit. */
export function canSeePersonScore(actor: Actor, person: { id: number; unitPath: string }): boolean {
  return person.id === actor.personId || canSeeUnitScore(actor, person.unitPath);
}

/** May the actor recompute the open periods now? Admins and supervisors. */
export const canRecompute = (actor: Actor): boolean => hasRole(actor, 'admin', 'supervisor');

/** May the actor nominate (and edit, select, reject) model cases of this unit? Supervisors over it, admins. */
export function canManageCases(actor: Actor, unitPath: string): boolean {
  return hasRole(actor, 'admin') || (hasRole(actor, 'supervisor') && inScope(scopeOf(actor), unitPath));
}

export const CASE_ACTIONS = ['update', 'select', 'reject'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** What the actor may do to a case now (the web app shows these buttons only): edit, 入选, 未入选. */
export function caseActions(actor: Actor, c: { status: CaseStatus; unitPath: string }): CaseAction[] {
  if (!canManageCases(actor, c.unitPath)) return [];
  return CASE_ACTIONS.filter((a) => a === 'update' || caseTransition(c.status, a) !== null);
}

/** May the actor read this case? A selected one: everyone signed in; otherwise who may manage it and its nominator. */
export function canSeeCase(actor: Actor, c: { status: string; unitPath: string; nominatedBy: number }): boolean {
  return c.status === 'selected' || c.nominatedBy === actor.personId || canManageCases(actor, c.unitPath);
}

/** The case library's SQL filter: selected ones, plus every state in these subtrees (`all`: everything). */
export function caseSight(actor: Actor): { all: boolean; subtrees: string[]; personId: number } {
  if (hasRole(actor, 'admin')) return { all: true, subtrees: [], personId: actor.personId };
  return { all: false, subtrees: hasRole(actor, 'supervisor') ? [actor.regionPath] : [], personId: actor.personId };
}
