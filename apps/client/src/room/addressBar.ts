import { browserChanges } from './browserChanges';

// The address bar as a store React reads with `useSyncExternalStore`: the browser's back and
// forward (popstate), and the app's own moves (`openPath`), which no browser event reports.
const changes = browserChanges('popstate');

export const subscribeToAddress = changes.subscribe;

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
  changes.notify();
}
