import type { OrganisationalUnit } from './reference-data';

export interface UnitOption {
  value: string;
  label: string;
  open: boolean;
  path: string[];
}

/**
 * The organisation tree as a flat list in tree order, each name indented by its depth, so that a
 * native select shows where a unit sits (the identify form and the register's filter share it).
 */
export function unitOptions(roots: OrganisationalUnit[] | undefined): UnitOption[] {
  const options: UnitOption[] = [];
  const walk = (unit: OrganisationalUnit, depth: number) => {
    options.push({
      value: unit.code,
      label: `${'\u00a0\u00a0'.repeat(depth)}${unit.name}`,
      open: unit.open,
      path: unit.path,
    });
    unit.children.forEach((child) => walk(child, depth + 1));
  };
  (roots ?? []).forEach((root) => walk(root, 0));
  return options;
}

/** A unit's name for its code; a risk may name a unit by free text, shown as it is. */
export function unitNamer(roots: OrganisationalUnit[] | undefined): (code: string) => string {
  const names = new Map(unitOptions(roots).map((option) => [option.value, option.label.trim()]));
  return (code) => names.get(code) ?? code;
}
