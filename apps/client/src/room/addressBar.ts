// The address bar as a store React reads with `useSyncExternalStore`: the browser's back and
// forward (popstate), and the app's own moves (`openPath`), which no browser event reports.
const listeners = new Set<() => void>();

export function subscribeToAddress(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export const currentPath = (): string => window.location.pathname;

/**
 * Goes to `path` without loading the page again: a new history entry, or (`replace`) the same
 * entry at its proper address, keeping its query and fragment.
 */
export function openPath(path: string, { replace = false } = {}): void {
  if (replace) {
    const { search, hash } = window.location;
    window.history.replaceState(window.history.state, '', path + search + hash);
  } else {
    window.history.pushState(null, '', path);
  }
  listeners.forEach((listener) => listener());
}
