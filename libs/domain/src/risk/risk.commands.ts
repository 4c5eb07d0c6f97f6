export interface IdentifyRisk {
  type: 'IdentifyRisk';
  riskId: string;
  title: string;
  description: string;
  area: string;
  unit: string;
  owner?: string | null;
  /** An initial assessment may come with the identification. */
  likelihood?: number | null;
  consequence?: number | null;
}

export interface AssessRisk {
  type: 'AssessRisk';
  riskId: string;
  likelihood: number;
  consequence: number;
}

export interface PlanMitigation {
  type: 'PlanMitigation';
  riskId: string;
  mitigationId: string;
  title: string;
  kind: string;
  owner?: string | null;
  dueDate?: string | null;
}

export interface ApplyMitigation {
  type: 'ApplyMitigation';
  riskId: string;
  mitigationId: string;
  note?: string | null;
}

export type RiskCommand = IdentifyRisk | AssessRisk | PlanMitigation | ApplyMitigation;
