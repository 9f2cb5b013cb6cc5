/**
 * What the counter shows. `shown` only moves down for a refused click (rollback) or a
 * `welcome` (the server's word after a reconnect, which may be lower after a reset).
 */
export interface CounterState {
  /** Highest count the server reported since the last welcome; null before the first. */
  server: number | null;
  /** Clicks sent and not yet answered. */
  pending: number;
  shown: number | null;
  /** Why the last click was rolled back. */
  note: string | null;
}

export type CounterAction =
  | { type: 'welcome'; count: number }
  | { type: 'count'; count: number }
  | { type: 'clicked' }
  | { type: 'confirmed'; count: number }
  | { type: 'refused'; reason: string };

export const initialCounter: CounterState = { server: null, pending: 0, shown: null, note: null };

// Broadcasts are coalesced and may overtake an ack, so an older, lower figure is ignored.
const atLeast = (current: number | null, count: number) => Math.max(current ?? count, count);

export function counterReducer(state: CounterState, action: CounterAction): CounterState {
  switch (action.type) {
    case 'welcome':
      return { ...state, server: action.count, shown: action.count + state.pending };
    case 'count':
      return {
        ...state,
        server: atLeast(state.server, action.count),
        shown: atLeast(state.shown, action.count),
      };
    case 'clicked':
      return { ...state, pending: state.pending + 1, shown: (state.shown ?? 0) + 1, note: null };
    case 'confirmed':
      return {
        ...state,
        pending: state.pending - 1,
        server: atLeast(state.server, action.count),
        shown: atLeast(state.shown, action.count),
      };
    case 'refused':
      return {
        ...state,
        pending: state.pending - 1,
        shown: Math.max(state.server ?? 0, (state.shown ?? 1) - 1),
        note: action.reason,
      };
  }
}
