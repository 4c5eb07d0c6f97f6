import type { OrganisationalUnit } from '../../../lib/reference-data';

export interface UnitOption {
  code: string;
  name: string;
  depth: number;
}

/** The organisation in tree order, each unit with its depth (for indented options). */
export function flattenUnits(roots: OrganisationalUnit[]): UnitOption[] {
  const all: UnitOption[] = [];
  const visit = (unit: OrganisationalUnit, depth: number) => {
    all.push({ code: unit.code, name: unit.name, depth });
    unit.children.forEach((child) => visit(child, depth + 1));
  };
  roots.forEach((root) => visit(root, 0));
  return all;
}

/** A unit's name from its code; a unit written in words before the organisation was registered stays as written. */
export function unitNamer(roots: OrganisationalUnit[]): (code: string) => string {
  const names = new Map(flattenUnits(roots).map((unit) => [unit.code, unit.name]));
  return (code) => names.get(code) ?? code;
}
