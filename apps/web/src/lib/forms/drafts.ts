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
