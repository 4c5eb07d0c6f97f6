export interface RegisterSecurityArea {
  type: 'RegisterSecurityArea';
  code: string;
  sv: string;
  en: string;
  responsible?: string | null;
  /** Only the seeding of the 14 report areas sets it. */
  builtIn?: boolean;
}

export interface AssignSecurityAreaResponsible {
  type: 'AssignSecurityAreaResponsible';
  code: string;
  responsible: string;
}

export interface RetireSecurityArea {
  type: 'RetireSecurityArea';
  code: string;
  reason: string;
}

export type SecurityAreaCommand =
  RegisterSecurityArea | AssignSecurityAreaResponsible | RetireSecurityArea;
