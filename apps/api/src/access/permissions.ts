import { ROLES, type Role } from '@riskledger/domain';

/**
 * Who may call what: every endpoint declares one permission (@Requires), and this table is the one
 * place that says which roles hold it. The role × endpoint tests are generated from it. Scopes
 * (unit subtree, areas) and acceptance mandates narrow it further where the data is known.
 */
export const PERMISSIONS = {
  /** The register, one risk, its mitigations and levels. */
  'risks.read': [
    'ADMINISTRATOR',
    'SECURITY_COORDINATOR',
    'AREA_RESPONSIBLE',
    'RISK_OWNER',
    'INVESTIGATOR',
  ],
  /** Identify, assess, treat, review, close and reopen risks. */
  'risks.write': ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE', 'RISK_OWNER'],
  /** Accept a risk; the matrix band then decides which of these may accept its level. */
  'risks.accept': ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE', 'RISK_OWNER'],
  /** Report incidents and deficiencies: anyone in the organisation may. */
  'incidents.report': ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE', 'RISK_OWNER', 'REPORTER'],
  /** Incidents; a reporter sees only their own reports. */
  'incidents.read': [
    'ADMINISTRATOR',
    'SECURITY_COORDINATOR',
    'AREA_RESPONSIBLE',
    'RISK_OWNER',
    'REPORTER',
    'INVESTIGATOR',
  ],
  /** Link, investigate, decide actions, report outward, close or dismiss incidents. */
  'incidents.manage': ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE'],
  'goals.read': [
    'ADMINISTRATOR',
    'SECURITY_COORDINATOR',
    'AREA_RESPONSIBLE',
    'RISK_OWNER',
    'INVESTIGATOR',
  ],
  'goals.write': ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE'],
  /** The annual security report. */
  'reports.read': ['ADMINISTRATOR', 'SECURITY_COORDINATOR', 'AREA_RESPONSIBLE', 'INVESTIGATOR'],
  /** Security areas, organisational units, risk matrices: every role needs them to name things. */
  'reference.read': ROLES,
  'reference.write': ['ADMINISTRATOR'],
  /** Histories, as-of views and incident chains. */
  'history.read': ['SECURITY_COORDINATOR', 'AREA_RESPONSIBLE', 'RISK_OWNER', 'INVESTIGATOR'],
  /** The whole log: traceability, integrity, exports. */
  'log.read': ['SECURITY_COORDINATOR', 'INVESTIGATOR', 'INTEGRATION'],
  /** Dead letters, re-drive, consumer lag. */
  operations: ['ADMINISTRATOR'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
