import { type OrgUnitDto, type OrgUnitKind, orgUnitParentKind, type StaffDto } from '@journey/shared';

/** An org unit with the units one level below it, in the runtime's order (by id). */
export interface UnitNode {
  unit: OrgUnitDto;
  depth: number;
  children: UnitNode[];
}

/** The units as trees: one per head office (and, defensively, one per unit whose parent is unknown). */
export function unitTree(units: readonly OrgUnitDto[]): UnitNode[] {
  const ids = new Set(units.map((unit) => unit.id));
  const childrenOf = new Map<string | null, OrgUnitDto[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), unit]);
  }
  // Kinds go one level down per step, so the hierarchy has no cycles and at most three levels.
  const build = (unit: OrgUnitDto, depth: number): UnitNode => ({
    unit,
    depth,
    children: (childrenOf.get(unit.id) ?? []).map((child) => build(child, depth + 1)),
  });
  return (childrenOf.get(null) ?? []).map((root) => build(root, 0));
}

/** Every node, parents before their children, as an indented list shows them. */
export function flatten(nodes: readonly UnitNode[]): UnitNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/** The ids of a unit and every unit below it. */
export function idsWithin(node: UnitNode): Set<string> {
  return new Set(flatten([node]).map((each) => each.unit.id));
}

/** Staff per unit, counting the units below it too (a branch counts its sub-branches' staff). */
export function staffCounts(nodes: readonly UnitNode[], staff: readonly StaffDto[]): Map<string, number> {
  const direct = new Map<string, number>();
  for (const member of staff) direct.set(member.orgUnitId, (direct.get(member.orgUnitId) ?? 0) + 1);
  const counts = new Map<string, number>();
  const count = (node: UnitNode): number => {
    const total = node.children.reduce((sum, child) => sum + count(child), direct.get(node.unit.id) ?? 0);
    counts.set(node.unit.id, total);
    return total;
  };
  for (const node of nodes) count(node);
  return counts;
}

/** A unit's name indented by its depth, for the options of a select. */
export const indentedName = (node: UnitNode) => `${'\u00a0\u00a0\u00a0'.repeat(node.depth)}${node.unit.name}`;

/** The units a unit of `kind` may belong to, in tree order; none for the head office. */
export function possibleParents(nodes: readonly UnitNode[], kind: OrgUnitKind): UnitNode[] {
  const parentKind = orgUnitParentKind[kind];
  return flatten(nodes).filter((node) => node.unit.kind === parentKind);
}

/** Whether a staff member's name, referral code or id contains the search text (any case). */
export function matchesStaff(member: StaffDto, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  return [member.name, member.referralCode, member.id].some((text) => text.toLocaleLowerCase().includes(needle));
}
