/** The ids of the restricted risks among these: whose showing RestrictedReads records. */
export const restrictedIds = (risks: readonly { riskId: string; classification: string }[]) =>
  risks.filter((r) => r.classification === 'RESTRICTED').map((r) => r.riskId);
