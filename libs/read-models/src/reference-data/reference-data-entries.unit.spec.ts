import { treeOf, type OrganisationalUnitEntry } from './reference-data-entries';

const unit = (code: string, parentCode: string | null, name = code): OrganisationalUnitEntry => ({
  code,
  name,
  parentCode,
  kind: parentCode === null ? 'REGION' : 'UNIT',
  path: [],
  open: true,
  closedReason: null,
  registeredAt: '2026-01-15T09:00:00.000Z',
  updatedAt: '2026-01-15T09:00:00.000Z',
  updatedBy: 'anna.berg@region.se',
});

const codes = (nodes: ReturnType<typeof treeOf>): unknown =>
  nodes.map((n) => (n.children.length ? { [n.code]: codes(n.children) } : n.code));

describe('treeOf', () => {
  it('puts each unit under its parent, children by Swedish name order', () => {
    const tree = treeOf([
      unit('RV', null, 'Region Värmland'),
      unit('OST', 'RV', 'Östra'),
      unit('ALV', 'RV', 'Älvdalen'),
      unit('HSV', 'RV', 'Hälso- och sjukvård'),
      unit('MED', 'HSV', 'Medicin'),
    ]);

    expect(codes(tree)).toEqual([{ RV: [{ HSV: ['MED'] }, 'ALV', 'OST'] }]);
  });

  it('makes a subtree, whose top has its parent outside, one tree with that unit on top', () => {
    expect(codes(treeOf([unit('HSV', 'RV'), unit('MED', 'HSV'), unit('WARD12', 'MED')]))).toEqual([
      { HSV: [{ MED: ['WARD12'] }] },
    ]);
  });

  it('answers no trees for no units', () => {
    expect(treeOf([])).toEqual([]);
  });
});
