import { useSyncExternalStore } from 'react';
import { principal, subscribe, type Principal } from './session';

export function useSession(): Principal | null {
  return useSyncExternalStore(subscribe, principal);
}

/** The roles the signed-in person holds (without their scopes). */
export function useRoles(): string[] {
  const session = useSession();
  return session ? [...new Set(session.grants.map((grant) => grant.split(':')[0]))] : [];
}
