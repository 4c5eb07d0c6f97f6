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
