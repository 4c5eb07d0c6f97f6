import { canonicalJson } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts object keys at every depth and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives equal values equal text whatever the key order (jsonb does not keep it)', () => {
    const one = { riskId: 'r-1', likelihood: 2, nested: { b: [1, 2], a: 'å' } };
    const other = { nested: { a: 'å', b: [1, 2] }, likelihood: 2, riskId: 'r-1' };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
  });

  it('gives a value read back from JSON text the text of the value written', () => {
    const written = { n: 0.1 + 0.2, big: 1e21, small: 5e-7, neg: -0, text: 'line\nbreak "q" ✓' };
    expect(canonicalJson(JSON.parse(JSON.stringify(written)))).toBe(canonicalJson(written));
  });

  it('sorts keys by UTF-16 code units, the order RFC 8785 prescribes', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '10': 4, '9': 5 })).toBe(
      '{"10":4,"9":5,"Z":3,"z":2,"é":1}',
    );
  });

  it('leaves out undefined properties as JSON.stringify does, and writes times as ISO text', () => {
    expect(canonicalJson({ a: undefined, b: new Date('2026-01-15T09:00:00.000Z') })).toBe(
      '{"b":"2026-01-15T09:00:00.000Z"}',
    );
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it.each([NaN, Infinity, () => 1, Symbol('s'), BigInt(1)])(
    'refuses %p, which has no JSON form',
    (value) => {
      expect(() => canonicalJson({ value })).toThrow(TypeError);
    },
  );
});
