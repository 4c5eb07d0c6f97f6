export interface RegisterOrganisationalUnit {
  type: 'RegisterOrganisationalUnit';
  code: string;
  name: string;
  parentCode?: string | null;
  kind: string;
}

export interface RenameOrganisationalUnit {
  type: 'RenameOrganisationalUnit';
  code: string;
  name: string;
}

export interface MoveOrganisationalUnit {
  type: 'MoveOrganisationalUnit';
  code: string;
  parentCode: string;
}

export interface CloseOrganisationalUnit {
  type: 'CloseOrganisationalUnit';
  code: string;
  reason: string;
}

export type OrganisationalUnitCommand =
  | RegisterOrganisationalUnit
  | RenameOrganisationalUnit
  | MoveOrganisationalUnit
  | CloseOrganisationalUnit;
