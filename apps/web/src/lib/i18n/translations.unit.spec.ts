import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Every text a person reads comes from the translation files, in Swedish and in English alike.
const LOCALES = join(__dirname, '../../locales');
const SOURCE = join(__dirname, '../..');

function keysOf(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [prefix];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      keysOf(inner, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [prefix];
}

function translations(language: string): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const file of readdirSync(join(LOCALES, language))) {
    const group = file.replace(/\.json$/, '');
    const content = JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as unknown;
    for (const key of keysOf(content, group)) {
      entries.set(
        key,
        key
          .split('.')
          .slice(1)
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], content),
      );
    }
  }
  return entries;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the console translations', () => {
  const sv = translations('sv');
  const en = translations('en');

  it('have the same keys in Swedish and English', () => {
    expect([...sv.keys()].filter((key) => !en.has(key))).toEqual([]);
    expect([...en.keys()].filter((key) => !sv.has(key))).toEqual([]);
  });

  it('leave no text empty', () => {
    const empty = [...sv, ...en].filter(
      ([, text]) => text === '' || (Array.isArray(text) && text.length === 0),
    );
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('hold every key the source asks for by name', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(SOURCE)) {
      for (const match of readFileSync(file, 'utf8').matchAll(
        /\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g,
      )) {
        used.add(match[1]);
      }
    }
    expect(used.size).toBeGreaterThan(20);
    // A key may name a group of keys, or a plural (key_one, key_other).
    const isKnown = (key: string) =>
      sv.has(key) ||
      [...sv.keys()].some((known) => known.startsWith(`${key}.`) || known.startsWith(`${key}_`));
    expect([...used].filter((key) => !isKnown(key))).toEqual([]);
  });
});
