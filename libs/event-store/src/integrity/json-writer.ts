/** How a JSON text is spelled: the only ways canonicalJson and jsonbText differ. */
export interface JsonSpelling {
  number(value: number): string;
  /** The keys of an object, in the order they are written. */
  order(keys: string[]): string[];
  /** Between items of an array or object, and between a key and its value. */
  itemSeparator: string;
  keySeparator: string;
}

/** Writes a JSON value in a spelling; properties whose value is undefined are left out. */
export function writeJson(value: unknown, spelling: JsonSpelling): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} has no JSON form`);
      return spelling.number(value);
    case 'object':
      break;
    default:
      throw new TypeError(`a ${typeof value} has no JSON form`);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const { itemSeparator, keySeparator } = spelling;
  if (Array.isArray(value)) {
    const items = value.map((item) => (item === undefined ? 'null' : writeJson(item, spelling)));
    return `[${items.join(itemSeparator)}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = spelling.order(Object.keys(record).filter((key) => record[key] !== undefined));
  const pairs = keys.map(
    (key) => `${JSON.stringify(key)}${keySeparator}${writeJson(record[key], spelling)}`,
  );
  return `{${pairs.join(itemSeparator)}}`;
}
