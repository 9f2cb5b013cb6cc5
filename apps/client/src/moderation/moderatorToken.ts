const STORAGE_KEY = 'live-counter.moderator-token';

/**
 * The operator token, taken once from the address (`/#token=…`) and kept for this tab only.
 * A fragment is never sent to the server or in a Referer; it is removed from the address bar
 * at once so it does not linger in history or get shared with a copied link.
 */
export function readModeratorToken(location: Location = window.location): string | undefined {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  try {
    if (fromHash !== null) {
      if (fromHash) sessionStorage.setItem(STORAGE_KEY, fromHash);
      else sessionStorage.removeItem(STORAGE_KEY);
    }
    return sessionStorage.getItem(STORAGE_KEY) || undefined;
  } catch {
    // Storage disabled: the token lasts for this page only.
    return fromHash || undefined;
  } finally {
    if (fromHash !== null) {
      window.history.replaceState(null, '', location.pathname + location.search);
    }
  }
}

/** Forgets the kept token (the server refused it), so a reload does not send it again. */
export function forgetModeratorToken(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled: nothing was kept.
  }
}
