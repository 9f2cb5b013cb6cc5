/**
 * What `useSyncExternalStore` subscribes to for state the browser keeps: the changes a window
 * event reports (back and forward, another tab's storage), and the app's own, which no browser
 * event reports (`notify`).
 */
export function browserChanges(event: 'popstate' | 'storage') {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      window.addEventListener(event, listener);
      return () => {
        listeners.delete(listener);
        window.removeEventListener(event, listener);
      };
    },
    notify(): void {
      listeners.forEach((listener) => listener());
    },
  };
}
