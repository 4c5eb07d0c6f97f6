import { EventValidator } from './event-validator';
import { upcast } from './upcasters';

const riskId = '0b8f6c1e-5d1c-4d43-9a39-1c1f3f1d2a10';
const validator = new EventValidator();

/** Risk events written before the whole lifecycle was recorded read as today's versions. */
describe('upcasting old risk events', () => {
  it('reads RiskIdentified v1 as v2: free text only, one area, open, no review date', () => {
    const v1 = {
      type: 'RiskIdentified',
      schemaVersion: 1,
      data: {
        riskId,
        title: 'Open medicine room',
        description: 'Door closer broken',
        area: 'PHARMACEUTICALS',
        unit: 'Ward 12',
        owner: null,
      },
    };
    const read = upcast(v1);
    expect(read).toEqual({
      ...v1,
      schemaVersion: 2,
      data: {
        ...v1.data,
        cause: null,
        event: null,
        consequence: null,
        threat: null,
        additionalAreas: [],
        supplier: null,
        contract: null,
        classification: 'OPEN',
        nextReviewDate: null,
        sourceIncidentId: null,
      },
    });
    expect(validator.problems('RiskIdentified', 1, v1.data)).toEqual([]);
    expect(validator.problems('RiskIdentified', 2, read.data)).toEqual([]);
  });

  it('reads RiskAssessed v1 as an assessment of the current risk, without warnings', () => {
    const v1 = {
      type: 'RiskAssessed',
      schemaVersion: 1,
      data: { riskId, likelihood: 3, consequence: 4, score: 12, level: 'HIGH', matrixVersion: 1 },
    };
    const read = upcast(v1);
    expect(read.data).toEqual({ ...v1.data, basis: 'CURRENT', warnings: [] });
    expect(validator.problems('RiskAssessed', 2, read.data)).toEqual([]);
  });

  it('reads MitigationPlanned v1 without expected effect or supplier', () => {
    const v1 = {
      type: 'MitigationPlanned',
      schemaVersion: 1,
      data: {
        riskId,
        mitigationId: '5e0c1f53-2b8e-4f7e-8f4f-1f2b3c4d5e6f',
        title: 'Card access',
        kind: 'LIMIT',
        owner: null,
        dueDate: '2026-12-31',
      },
    };
    const read = upcast(v1);
    expect(read.data).toEqual({ ...v1.data, expectedEffect: null, supplier: null });
    expect(validator.problems('MitigationPlanned', 2, read.data)).toEqual([]);
  });
});
