import { jsonbText } from './jsonb-text';

describe('jsonb text', () => {
  it('orders keys shorter first, then by their UTF-8 bytes, with jsonb spacing', () => {
    expect(jsonbText({ bb: 1, a: { d: [3, { zz: true, y: null }], c: 'x' }, é: 2, z: 3 })).toBe(
      '{"a": {"c": "x", "d": [3, {"y": null, "zz": true}]}, "z": 3, "bb": 1, "é": 2}',
    );
  });

  it('writes numbers out in full, as numeric prints them', () => {
    expect(jsonbText([1e21, 1.5e22, -2e-7, 1.25e-10, 0.1, -0, 123])).toBe(
      '[1000000000000000000000, 15000000000000000000000, -0.0000002, 0.000000000125, 0.1, 0, 123]',
    );
  });

  it('leaves out undefined properties and writes empty containers bare', () => {
    expect(jsonbText({ a: undefined, b: [], c: {} })).toBe('{"b": [], "c": {}}');
  });
});
