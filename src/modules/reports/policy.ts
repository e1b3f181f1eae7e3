import { hasRole, inScope, scopeOf, type Actor } from '../../platform/auth/actor.ts';
import { REPORT_ACTIONS, reportNext, type ReportAction, type ReportStatus } from './rules.ts';

/**
 * Who may do what with reports and personal summaries, as pure functions; the list's SQL is
 * `ReportStore.visible` (store.ts), held together with `canSeeReport` by reports.api.test.ts.
 *
 * - Supervisors (督查室) whose region covers the report's unit draft, edit and issue; they and
 *   admins see drafts.
 * - An issued report is seen by whoever's scope covers its unit and by everyone working in it or
 *   below it (a 通报 is read by the units it names).
 * - A personal summary is its author's; once submitted, the heads over the author's unit (and
 *   supervisors and admins over it) read it.
 */
export function canDraft(actor: Actor, unitPath: string): boolean {
  return hasRole(actor, 'supervisor') && inScope(scopeOf(actor), unitPath);
}

export function canSeeReport(actor: Actor, r: { unitPath: string; status: ReportStatus }): boolean {
  if (hasRole(actor, 'admin') || canDraft(actor, r.unitPath)) return true;
  if (r.status === 'draft') return false;
  return inScope(scopeOf(actor), r.unitPath) || actor.unitPath.startsWith(r.unitPath);
}

export function reportActions(actor: Actor, r: { unitPath: string; status: ReportStatus }): ReportAction[] {
  return REPORT_ACTIONS.filter((a) => reportNext(r.status, a).ok && canDraft(actor, r.unitPath));
}

/** May the actor read this personal summary? Its author; once submitted, heads, supervisors and admins over the author's unit. */
export function canSeeSummary(actor: Actor, s: { personId: number; unitPath: string; status: 'draft' | 'submitted' }): boolean {
  if (actor.personId === s.personId) return true;
  return s.status === 'submitted' && hasRole(actor, 'unit_head', 'supervisor', 'admin') && inScope(scopeOf(actor), s.unitPath);
}
