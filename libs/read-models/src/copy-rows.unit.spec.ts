import { copyText, textArray } from './copy-rows';

describe("a value in COPY's text format", () => {
  it('writes NULL as \\N, and a backslash as two, so that text "\\N" stays text', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText('\\N')).toBe('\\\\N');
  });

  it('escapes the tab, newline and carriage return that would end a column or a row', () => {
    expect(copyText('a\tb\nc\rd')).toBe('a\\tb\\nc\\rd');
  });

  it('writes an object as JSON, escaped like any text', () => {
    expect(copyText({ note: 'line one\nline two', path: 'C:\\risks' })).toBe(
      '{"note":"line one\\\\nline two","path":"C:\\\\\\\\risks"}',
    );
  });

  it('writes numbers and booleans as PostgreSQL reads them', () => {
    expect(copyText(42)).toBe('42');
    expect(copyText(true)).toBe('true');
  });
});

describe("a text[] value in COPY's text format", () => {
  it('quotes each element and escapes its quotes and backslashes', () => {
    expect(textArray(['a', 'b c', 'say "x"', 'C:\\r', ''])).toBe(
      '{"a","b c","say \\"x\\"","C:\\\\r",""}',
    );
    expect(textArray([])).toBe('{}');
  });
});

describe("a JSON value in COPY's text format", () => {
  /** The escaping of the whole JSON text, character by character, as COPY reads it back. */
  const escapedWhole = (value: object) =>
    JSON.stringify(value).replace(
      /[\\\t\n\r]/g,
      (c) => `\\${({ '\t': 't', '\n': 'n', '\r': 'r' } as Record<string, string>)[c] ?? '\\'}`,
    );

  it('is the whole JSON text escaped, whatever characters its strings hold', () => {
    const values = [
      { plain: 'no escapes at all', n: 1, nested: [{ ok: true }] },
      { tab: 'a\tb', cr: 'c\rd', nl: 'e\nf', slash: 'g\\h', quote: 'say "x"' },
      { control: '\u0001\u001f', separators: '\u2028\u2029', unicode: 'Region Skåne – åäö' },
      ['\\N', '\\\\', '"\\"'],
    ];
    for (const value of values) expect(copyText(value)).toBe(escapedWhole(value));
  });
});
