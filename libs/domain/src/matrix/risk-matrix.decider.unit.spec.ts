import { DeciderSpecification } from '../../../../test/support/domain/decider-spec';
import { InvalidValueError } from '../shared/errors';
import { bandFor, DEFAULT_MATRIX, type RiskMatrix } from './risk-matrix';
import type { LevelBandInput, PublishRiskMatrix } from './risk-matrix.commands';
import { riskMatrixDecider } from './risk-matrix.decider';
import type { RiskMatrixPublished } from './risk-matrix.events';

const spec = DeciderSpecification.for(riskMatrixDecider);

const publish = (change: Partial<PublishRiskMatrix> = {}): PublishRiskMatrix => ({
  type: 'PublishRiskMatrix',
  likelihoodScale: DEFAULT_MATRIX.likelihoodScale,
  consequenceScale: DEFAULT_MATRIX.consequenceScale,
  bands: DEFAULT_MATRIX.bands,
  ...change,
});
const published = (matrix: RiskMatrix): RiskMatrixPublished => ({
  type: 'RiskMatrixPublished',
  data: matrix,
});
const version1 = published(DEFAULT_MATRIX);

// A stricter region: high risks from 8, and only the security coordinator accepts medium ones.
const stricterBands: LevelBandInput[] = [
  { level: 'LOW', maxScore: 3, acceptableBy: ['RISK_OWNER'], maxAcceptanceDays: 365 },
  { level: 'MEDIUM', maxScore: 7, acceptableBy: ['SECURITY_COORDINATOR'], maxAcceptanceDays: 180 },
  { level: 'HIGH', maxScore: 14, acceptableBy: ['SECURITY_COORDINATOR'], maxAcceptanceDays: 90 },
  { level: 'VERY_HIGH', maxScore: 25, acceptableBy: [], maxAcceptanceDays: 0 },
];
const withBand = (i: number, change: Partial<LevelBandInput>) =>
  publish({ bands: stricterBands.map((band, j) => (j === i ? { ...band, ...change } : band)) });

describe('the risk matrix', () => {
  describe('PublishRiskMatrix', () => {
    it('publishes the default matrix as version 1', () => {
      spec.given([]).when(publish()).then([version1]);
    });

    it('publishes the next version, leaving the published one as it was', () => {
      spec
        .given([version1])
        .when(publish({ bands: stricterBands }))
        .then([
          published({ ...DEFAULT_MATRIX, version: 2, bands: stricterBands as RiskMatrix['bands'] }),
        ]);
    });

    it('numbers versions without gaps', () => {
      const version2 = published({ ...DEFAULT_MATRIX, version: 2 });
      spec
        .given([version1, version2])
        .when(publish())
        .then([published({ ...DEFAULT_MATRIX, version: 3 })]);
    });

    it('trims labels and criteria', () => {
      const [first, ...rest] = DEFAULT_MATRIX.likelihoodScale;
      const padded = { ...first, label: { sv: ' Mycket låg ', en: ' Rare ' } };
      spec
        .given([])
        .when(publish({ likelihoodScale: [padded, ...rest] }))
        .then([version1]);
    });

    it('accepts fewer levels, in order, the highest covering 25', () => {
      const twoBands: LevelBandInput[] = [
        { level: 'LOW', maxScore: 9, acceptableBy: ['AREA_RESPONSIBLE'], maxAcceptanceDays: 365 },
        { level: 'HIGH', maxScore: 25, acceptableBy: [], maxAcceptanceDays: 0 },
      ];
      const [event] = riskMatrixDecider.decide(publish({ bands: twoBands }), { published: [] });
      expect(bandFor(event.data, 10).level).toBe('HIGH');
    });

    describe('refuses, naming the field,', () => {
      const scale = DEFAULT_MATRIX.consequenceScale;

      it('a scale without 5 steps', () => {
        spec
          .given([])
          .when(publish({ consequenceScale: scale.slice(0, 4) }))
          .thenThrows(InvalidValueError, {
            field: 'consequenceScale',
            message: 'consequenceScale: must have exactly 5 steps, valued 1 to 5',
          });
      });

      it('steps out of order', () => {
        spec
          .given([])
          .when(publish({ likelihoodScale: [scale[1], scale[0], ...scale.slice(2)] }))
          .thenThrows(InvalidValueError, {
            field: 'likelihoodScale.0.value',
            message: 'likelihoodScale.0.value: must be 1: the steps are valued 1 to 5 in order',
          });
      });

      it('a blank label', () => {
        const blank = { ...scale[2], label: { sv: 'Måttlig', en: '  ' } };
        spec
          .given([])
          .when(publish({ consequenceScale: [...scale.slice(0, 2), blank, ...scale.slice(3)] }))
          .thenThrows(InvalidValueError, { field: 'consequenceScale.2.label.en' });
      });

      it('missing criteria', () => {
        const bare = { ...scale[4], criteria: undefined } as unknown as (typeof scale)[number];
        spec
          .given([])
          .when(publish({ consequenceScale: [...scale.slice(0, 4), bare] }))
          .thenThrows(InvalidValueError, { field: 'consequenceScale.4.criteria' });
      });

      it('no bands', () => {
        spec
          .given([])
          .when(publish({ bands: [] }))
          .thenThrows(InvalidValueError, { field: 'bands' });
      });

      it('more bands than levels', () => {
        spec
          .given([])
          .when(publish({ bands: [...stricterBands, stricterBands[3]] }))
          .thenThrows(InvalidValueError, { field: 'bands' });
      });

      it('an unknown level', () => {
        spec
          .given([])
          .when(withBand(1, { level: 'SEVERE' }))
          .thenThrows(InvalidValueError, {
            field: 'bands.1.level',
          });
      });

      it('levels out of order', () => {
        spec
          .given([])
          .when(withBand(1, { level: 'LOW' }))
          .thenThrows(InvalidValueError, {
            field: 'bands.1.level',
            message:
              'bands.1.level: must come after LOW: the levels rise in the order LOW, MEDIUM, HIGH, VERY_HIGH',
          });
      });

      it('a maxScore that does not rise', () => {
        spec
          .given([])
          .when(withBand(2, { maxScore: 7 }))
          .thenThrows(InvalidValueError, {
            field: 'bands.2.maxScore',
            message: 'bands.2.maxScore: must be above 7, the maxScore of the band before it',
          });
      });

      it('a highest band that stops short of 25', () => {
        spec
          .given([])
          .when(withBand(3, { maxScore: 20 }))
          .thenThrows(InvalidValueError, {
            field: 'bands.3.maxScore',
            message:
              'bands.3.maxScore: must be 25: the highest band covers every risk value up to 5 × 5',
          });
      });

      it.each([0, 26, 2.5])('a maxScore of %p', (maxScore) => {
        spec.given([]).when(withBand(0, { maxScore })).thenThrows(InvalidValueError, {
          field: 'bands.0.maxScore',
        });
      });

      it('an unknown role', () => {
        spec
          .given([])
          .when(withBand(0, { acceptableBy: ['RISK_OWNER', 'WARD_MANAGER'] }))
          .thenThrows(InvalidValueError, {
            field: 'bands.0.acceptableBy',
            message: expect.stringContaining('WARD_MANAGER is not a role'),
          });
      });

      it('a role named twice', () => {
        spec
          .given([])
          .when(withBand(0, { acceptableBy: ['RISK_OWNER', 'RISK_OWNER'] }))
          .thenThrows(InvalidValueError, { field: 'bands.0.acceptableBy' });
      });

      it.each([-1, 3651, 1.5])('maxAcceptanceDays of %p', (maxAcceptanceDays) => {
        spec.given([]).when(withBand(0, { maxAcceptanceDays })).thenThrows(InvalidValueError, {
          field: 'bands.0.maxAcceptanceDays',
        });
      });

      it('an acceptance time on a level nobody may accept', () => {
        spec
          .given([])
          .when(withBand(3, { maxAcceptanceDays: 30 }))
          .thenThrows(InvalidValueError, {
            field: 'bands.3.maxAcceptanceDays',
            message: 'bands.3.maxAcceptanceDays: must be 0 when no role may accept the level',
          });
      });

      it('no acceptance time on a level a role may accept', () => {
        spec
          .given([])
          .when(withBand(1, { maxAcceptanceDays: 0 }))
          .thenThrows(InvalidValueError, { field: 'bands.1.maxAcceptanceDays' });
      });
    });
  });
});
