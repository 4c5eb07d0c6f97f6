import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A form's half-typed values survive a sign-in round trip (an expired session) and a reload:
 * they are kept in this tab's sessionStorage until the form is sent. No token is ever kept there.
 */
export function useDraft<T extends object>(
  key: string,
  initial: T,
): [T, (next: Partial<T>) => void, () => void] {
  const storageKey = `riskledger.draft.${key}`;
  const empty = useRef(initial);
  const [value, setValue] = useState<T>(() => {
    const saved = sessionStorage.getItem(storageKey);
    return saved ? { ...initial, ...(JSON.parse(saved) as Partial<T>) } : initial;
  });
  useEffect(() => {
    // A form that is empty again (sent, or never touched) keeps nothing behind.
    if (value === empty.current) sessionStorage.removeItem(storageKey);
    else sessionStorage.setItem(storageKey, JSON.stringify(value));
  }, [storageKey, value]);
  const update = useCallback((next: Partial<T>) => setValue((old) => ({ ...old, ...next })), []);
  const clear = useCallback(() => setValue(empty.current), []);
  return [value, update, clear];
}

/** Whether a draft holds anything typed (then its form starts open). */
export function hasText(draft: object): boolean {
  return Object.values(draft).some((value) =>
    typeof value === 'string'
      ? value.trim() !== ''
      : Array.isArray(value)
        ? value.some((item) => typeof item === 'object' && item !== null && hasText(item))
        : false,
  );
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The records (risk, incident, goal ids) that this tab holds a typed draft about. */
export function recordsWithDrafts(): Set<string> {
  const held = new Set<string>();
  for (let i = 0; i < sessionStorage.length; i++) {
    const key = sessionStorage.key(i);
    if (!key?.startsWith('riskledger.draft.')) continue;
    try {
      if (!hasText(JSON.parse(sessionStorage.getItem(key) ?? '{}') as object)) continue;
    } catch {
      continue;
    }
    for (const id of key.match(UUID) ?? []) held.add(id);
  }
  return held;
}
