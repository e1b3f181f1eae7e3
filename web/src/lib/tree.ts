import type { Unit } from './types.ts';

export interface TreeNode {
  value: number;
  title: string;
  key: number;
  children: TreeNode[];
}

/**
 * The units the server sent, as a tree for pickers; a unit whose parent is not in the list
 * (outside the viewer's scope) becomes a root. Siblings keep the server's sort order.
 */
export function unitTree(units: Unit[]): TreeNode[] {
  const nodes = new Map<number, TreeNode>();
  for (const u of units) nodes.set(u.id, { value: u.id, key: u.id, title: u.name, children: [] });
  const roots: TreeNode[] = [];
  const sorted = [...units].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  for (const u of sorted) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId === null ? undefined : nodes.get(u.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Ids of a unit and every unit below it. */
export function subtreeIds(units: Unit[], rootId: number): number[] {
  const kids = new Map<number, number[]>();
  for (const u of units) if (u.parentId !== null) kids.set(u.parentId, [...(kids.get(u.parentId) ?? []), u.id]);
  const out: number[] = [];
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(kids.get(id) ?? []));
  }
  return out;
}
