import type { Text } from '../i18n/catalogue';

/** A click of ours the server has not answered yet. */
export interface PendingClick {
  /** Sent with every attempt: the server counts it once however often it arrives. */
  id: string;
  /** Refused for speed: it goes out again, with the same id, once the wait is over. */
  held: boolean;
  /** Attempts that got no answer (a drop, a timeout): each change sends it again. */
  unanswered: number;
}

/**
 * What the counter shows. The count is only ever what the server said — no optimistic +1 for
 * our clicks in flight: a refused click would then have to be taken back, and a broadcast that
 * already holds our click would count it twice until its ack. So `count` is the highest figure
 * the server reported (acks and broadcasts arrive out of order) and goes down only on a reset,
 * or on a welcome (after a reconnect we may have missed a reset).
 */
export interface CounterState {
  /** Null before the first welcome. */
  count: number | null;
  clicks: PendingClick[];
  /** Why a click of ours is held back for now; null once none is. */
  wait: Text | null;
  /** Why the last click was not counted; cleared by the next click and by a reconnect. */
  refusal: Text | null;
  /** Our clicks the server has counted (each change is a click of ours answered). */
  counted: number;
}

export type CounterAction =
  | { type: 'welcome'; count: number }
  | { type: 'count'; count: number }
  | { type: 'reset'; count: number }
  | { type: 'clicked'; id: string }
  /** `count` is null when the answer tells nothing of the count now (it predates a reset). */
  | { type: 'counted'; id: string; count: number | null }
  | { type: 'unanswered'; id: string }
  | { type: 'held'; id: string; wait: Text }
  | { type: 'released'; id: string }
  | { type: 'refused'; id: string; reason: Text };

export const initialCounter: CounterState = {
  count: null,
  clicks: [],
  wait: null,
  refusal: null,
  counted: 0,
};

const atLeast = (current: number | null, count: number) => Math.max(current ?? count, count);

const update = (
  clicks: PendingClick[],
  id: string,
  change: (click: PendingClick) => PendingClick,
) => clicks.map((click) => (click.id === id ? change(click) : click));

export function counterReducer(state: CounterState, action: CounterAction): CounterState {
  switch (action.type) {
    case 'welcome':
      return { ...state, count: action.count, refusal: null };
    case 'count':
      return { ...state, count: atLeast(state.count, action.count) };
    case 'reset':
      return { ...state, count: action.count };
    case 'clicked':
      return {
        ...state,
        clicks: [...state.clicks, { id: action.id, held: false, unanswered: 0 }],
        refusal: null,
      };
    case 'counted':
      return {
        ...state,
        count: action.count === null ? state.count : atLeast(state.count, action.count),
        clicks: state.clicks.filter((click) => click.id !== action.id),
        counted: state.counted + 1,
      };
    case 'unanswered':
      return {
        ...state,
        clicks: update(state.clicks, action.id, (c) => ({ ...c, unanswered: c.unanswered + 1 })),
      };
    case 'held':
      return {
        ...state,
        clicks: update(state.clicks, action.id, (c) => ({ ...c, held: true })),
        wait: action.wait,
      };
    case 'released': {
      const clicks = update(state.clicks, action.id, (c) => ({ ...c, held: false }));
      return { ...state, clicks, wait: clicks.some((c) => c.held) ? state.wait : null };
    }
    case 'refused': {
      const clicks = state.clicks.filter((click) => click.id !== action.id);
      return {
        ...state,
        clicks,
        wait: clicks.some((c) => c.held) ? state.wait : null,
        refusal: action.reason,
      };
    }
  }
}
