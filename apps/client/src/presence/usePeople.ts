import type { PeopleChange, Welcome } from '@live/shared-events';
import { useCallback, useReducer } from 'react';
import { useSocketEvent } from '../socket/useSocketEvent';
import { noPeople, peopleReducer, type People } from './people';

/** Who is here: the welcome's list, then every join, leave and rename. */
export function usePeople(): People {
  const [people, dispatch] = useReducer(peopleReducer, noPeople);
  useSocketEvent(
    'welcome',
    useCallback((welcome: Welcome) => dispatch({ type: 'welcome', snapshot: welcome.people }), []),
  );
  useSocketEvent(
    'people',
    useCallback((change: PeopleChange) => dispatch({ type: 'changed', change }), []),
  );
  return people;
}
