import { hasRole, inScope, scopeOf, type Actor } from '../auth/actor.ts';

/** Pure rules of the unit tree and the people directory. */
export const LEVELS = ['province', 'prefecture', 'county', 'township'] as const;
export type Level = (typeof LEVELS)[number];
export const UNIT_KINDS = ['region', 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const LEVEL_NAMES: Record<Level, string> = { province: '省', prefecture: '州市', county: '县', township: '乡镇' };

interface ParentLike {
  kind: UnitKind;
  level: Level;
}

/**
 * Where a unit may sit: a root is a region; a region sits under a region of a higher level
 * (省 > 州市 > 县 > 乡镇); a department sits under a region or a department and takes the
 * level of the region it belongs to. Returns the level to store, or why not.
 */
export function placeUnit(kind: UnitKind, level: Level | undefined, parent: ParentLike | null): { level: Level } | { error: string } {
  if (!parent) {
    if (kind !== 'region') return { error: '顶级单位必须是行政区划 (a root unit must be a region).' };
    if (!level) return { error: '行政区划须注明层级 (a region needs a level).' };
    return { level };
  }
  if (kind === 'department') {
    if (level && level !== parent.level) return { error: `部门的层级随所属区划 (${parent.level}) (a department takes its region's level).` };
    return { level: parent.level };
  }
  if (!level) return { error: '行政区划须注明层级 (a region needs a level).' };
  if (parent.kind !== 'region') return { error: '行政区划不能设在部门之下 (a region cannot sit under a department).' };
  if (LEVELS.indexOf(level) <= LEVELS.indexOf(parent.level)) {
    return { error: `下级区划的层级须低于上级 (${parent.level}) (a region must be of a lower level than its parent).` };
  }
  return { level };
}

/**
 * The people directory (SECURITY.md): everyone sees the names, units, titles and roles of the
 * people in their region (what a person picker needs). Logins, e-mail addresses and phone
 * numbers need the need to know: the person themself, an admin, a supervisor (督查室) over the
 * person's unit, a unit head over it.
 */
export function seesContactOf(viewer: Actor, person: { id: number; unitPath: string }): boolean {
  if (viewer.personId === person.id || hasRole(viewer, 'admin')) return true;
  if (hasRole(viewer, 'supervisor') && inScope(scopeOf(viewer), person.unitPath)) return true;
  return hasRole(viewer, 'unit_head') && person.unitPath.startsWith(viewer.unitPath);
}

/** May a directory search match logins (not only names)? Only for who sees every login it could match. */
export const searchesLogins = (viewer: Actor): boolean => hasRole(viewer, 'admin', 'supervisor');
