/** Roles (DESIGN.md "Main objects"). */
export const Role = {
  admin: 'admin',
  /** 督查室: acts across its region's subtree. */
  supervisor: 'supervisor',
  /** Assigns and oversees work in the region. */
  leader: 'leader',
  /** Signs for and dispatches within a unit and the units under it. */
  unitHead: 'unit_head',
  /** Carries out and reports. */
  staff: 'staff',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role) as [Role, ...Role[]];

export const Rank = {
  provincial: 'provincial', // 省级
  department: 'department', // 厅级
  county: 'county', // 县处级
  township: 'township', // 乡科级
  other: 'other', // 其他
} as const;
export type Rank = (typeof Rank)[keyof typeof Rank];
export const RANKS = Object.values(Rank) as [Rank, ...Rank[]];

/** The person behind a request, resolved from the session or API token, never from the body. */
export interface Actor {
  personId: number;
  login: string;
  name: string;
  unitId: number;
  unitPath: string;
  /** Path of the nearest region (省/州市/县/乡镇) at or above the person's unit. */
  regionPath: string;
  roles: Role[];
  via: 'session' | 'token';
}

/**
 * Which units an actor may act on: `all`, or a set of subtrees (path prefixes) and single units.
 * admin: everything; supervisor and leader: their region's subtree; unit_head: their unit's
 * subtree; staff: their own unit.
 */
export interface Scope {
  all: boolean;
  subtrees: string[];
  units: string[];
}

export function scopeOf(actor: Pick<Actor, 'roles' | 'unitPath' | 'regionPath'>): Scope {
  if (actor.roles.includes(Role.admin)) return { all: true, subtrees: [], units: [] };
  const subtrees = new Set<string>();
  const units = new Set<string>();
  if (actor.roles.includes(Role.supervisor) || actor.roles.includes(Role.leader)) subtrees.add(actor.regionPath);
  if (actor.roles.includes(Role.unitHead)) subtrees.add(actor.unitPath);
  units.add(actor.unitPath);
  // A subtree that lies inside another adds nothing.
  const roots = [...subtrees].filter((p) => ![...subtrees].some((q) => q !== p && p.startsWith(q)));
  return { all: false, subtrees: roots, units: [...units].filter((u) => !roots.some((r) => u.startsWith(r))) };
}

export function inScope(scope: Scope, unitPath: string): boolean {
  return scope.all || scope.units.includes(unitPath) || scope.subtrees.some((p) => unitPath.startsWith(p));
}

export function hasRole(actor: Pick<Actor, 'roles'>, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}
