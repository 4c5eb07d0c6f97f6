import type { OrganisationalUnitKind, RiskMatrix } from '@riskledger/domain';

export interface SecurityAreaEntry {
  code: string;
  sv: string;
  en: string;
  builtIn: boolean;
  responsible: string | null;
  /** A retired area may not be named on new risks, incidents or goals; old ones keep it. */
  retired: boolean;
  retiredReason: string | null;
  registeredAt: string;
  updatedAt: string;
  updatedBy: string;
}

export interface OrganisationalUnitEntry {
  code: string;
  name: string;
  parentCode: string | null;
  kind: OrganisationalUnitKind;
  /** The codes from the region down to this unit, itself last. */
  path: string[];
  open: boolean;
  closedReason: string | null;
  registeredAt: string;
  updatedAt: string;
  updatedBy: string;
}

export interface OrganisationalUnitNode extends OrganisationalUnitEntry {
  children: OrganisationalUnitNode[];
}

export interface PublishedRiskMatrix extends RiskMatrix {
  publishedAt: string;
  publishedBy: string;
}

/**
 * The units as trees: each unit under its parent, children by name. Units whose parent is not in
 * `entries` are roots, so a subtree's query result becomes one tree with the asked-for unit on top.
 */
export function treeOf(entries: readonly OrganisationalUnitEntry[]): OrganisationalUnitNode[] {
  const nodes = new Map(
    entries.map((e) => [e.code, { ...e, children: [] as OrganisationalUnitNode[] }]),
  );
  const roots: OrganisationalUnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode === null ? undefined : nodes.get(node.parentCode);
    (parent ? parent.children : roots).push(node);
  }
  const byName = (a: OrganisationalUnitNode, b: OrganisationalUnitNode) =>
    a.name.localeCompare(b.name, 'sv') || a.code.localeCompare(b.code);
  const sort = (list: OrganisationalUnitNode[]) => {
    list.sort(byName);
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}
