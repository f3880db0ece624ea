// A string kept in localStorage, read without a hydration mismatch: the server and the first client render see
// `null`, then React re-renders with the stored value. Tabs stay in step through the "storage" event.
import { useCallback, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    // Storage can be disabled (private mode, policies); the default then simply applies.
    return null;
  }
}

export function useLocalStorage(key: string): [string | null, (value: string) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const setValue = useCallback(
    (next: string) => {
      try {
        window.localStorage.setItem(key, next);
      } catch {
        return;
      }
      // The "storage" event only reaches other tabs; tell this tab's subscribers directly.
      listeners.forEach((listener) => listener());
    },
    [key],
  );
  return [value, setValue];
}
