import { localStorageStore, type Store } from 'react-admin';

/** Keys the store keeps when it is reset: the operator's own choices (column choice, page size). */
export const preferencesPrefix = 'preferences.';

/**
 * react-admin's localStorage store, except that signing out (which resets the store) keeps the
 * operator preferences (`preferences.<operator sub>.…`): the next time the same operator signs in
 * their columns and page size are back. Everything else (filters, the current pool) is forgotten.
 */
export function operatorStore(base: Store = localStorageStore()): Store {
  return {
    ...base,
    reset() {
      const kept = Object.entries(base.listItems?.(preferencesPrefix) ?? {});
      base.reset();
      for (const [key, value] of kept) base.setItem(key, value);
    },
  };
}

/** The store key of one preference of the signed-in operator (`sub` from the identity). */
export function operatorPreferenceKey(sub: string, name: string): string {
  return `${preferencesPrefix}${sub}.${name}`;
}
