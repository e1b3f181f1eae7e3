import { hasRole, inScope, scopeOf, type Actor } from '../../platform/auth/actor.ts';
import type { DocumentStatus } from './rules.ts';

/**
 * Who may do what with a document, as pure functions of the actor and the document; and which
 * documents a person may see, as a description the store turns into SQL (`DocumentStore.visible`).
 * A test holds the two together (policy.api.test.ts).
 *
 * - See: documents of units in the actor's scope (admin: all; supervisor and leader: their
 *   region's subtree; unit head: their unit's subtree; staff: their own unit), and their own drafts.
 * - Draft (create, edit, check, upload): for the actor's own unit, or a unit a head heads; admins anywhere.
 * - Issue (印发): the issuing unit's head (or a head above it), a leader of its region, an admin.
 */

/** What the visibility rule needs of a document. */
export interface DocumentFacts {
  unitPath: string;
  authorId: number;
  status: DocumentStatus;
}

/** Which documents a person may see: everything, or those of units under these paths or exactly these, or their own. */
export interface DocumentSight {
  all: boolean;
  subtrees: string[];
  units: string[];
  authorId: number;
}

/** The visibility rule as data, for the list's SQL (DocumentStore.visible). */
export function documentSight(actor: Actor): DocumentSight {
  const s = scopeOf(actor);
  return { all: s.all, subtrees: s.subtrees, units: s.units, authorId: actor.personId };
}

export function canSeeDocument(actor: Actor, d: DocumentFacts): boolean {
  return inScope(scopeOf(actor), d.unitPath) || d.authorId === actor.personId;
}

/** May the actor draft documents for the unit at `unitPath`? Their own unit; a head for the units they head; admins anywhere. */
export function canDraftFor(actor: Actor, unitPath: string): boolean {
  return hasRole(actor, 'admin') || actor.unitPath === unitPath || (hasRole(actor, 'unit_head') && unitPath.startsWith(actor.unitPath));
}

/** May the actor change, check or replace the body of this document? Those who may draft for its unit, until it is issued. */
export function canEdit(actor: Actor, d: DocumentFacts): boolean {
  return d.status !== 'issued' && (canDraftFor(actor, d.unitPath) || d.authorId === actor.personId);
}

/** May the actor issue (印发) this document? The unit's head, a leader of its region, an admin. */
export function canIssue(actor: Actor, d: DocumentFacts): boolean {
  if (hasRole(actor, 'admin')) return true;
  if (hasRole(actor, 'unit_head') && d.unitPath.startsWith(actor.unitPath)) return true;
  return hasRole(actor, 'leader') && d.unitPath.startsWith(actor.regionPath);
}

/** The actions the actor may take on the document now, for the page's buttons. */
export function allowedActions(actor: Actor, d: DocumentFacts): ('edit' | 'check' | 'issue')[] {
  const out: ('edit' | 'check' | 'issue')[] = [];
  if (canEdit(actor, d)) out.push('edit', 'check');
  if (d.status === 'checked' && canIssue(actor, d)) out.push('issue');
  return out;
}
