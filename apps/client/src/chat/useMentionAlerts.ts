import { useCallback, useState } from 'react';
import { storedText } from '../storage/storedText';

const storedChoice = storedText('live-counter.mention-alerts');
const readChoice = (): boolean => storedChoice.read() === 'on';
const storeChoice = (on: boolean): void => storedChoice.write(on ? 'on' : undefined);

const notifications = () => (typeof Notification === 'undefined' ? null : Notification);

export interface MentionAlerts {
  /** The browser can show notifications at all. */
  supported: boolean;
  /** Turned on, and the browser lets the page notify. */
  on: boolean;
  /** The person turned it on but the browser (or they, in its settings) refused. */
  blocked: boolean;
  /** Turns alerts on (asking the browser's permission only now, if it was never given) or off. */
  turn: (on: boolean) => Promise<void>;
}

/**
 * The opt-in for a browser notification when someone mentions us while the tab is hidden:
 * off until the person turns it on, then remembered (in localStorage) for the next visits.
 */
export function useMentionAlerts(): MentionAlerts {
  const [chosen, setChosen] = useState(readChoice);
  const [blocked, setBlocked] = useState(false);
  const api = notifications();

  const turn = useCallback(async (on: boolean) => {
    const browser = notifications();
    setBlocked(false);
    if (!on || !browser) {
      storeChoice(false);
      setChosen(false);
      return;
    }
    const permission =
      browser.permission === 'default' ? await browser.requestPermission() : browser.permission;
    const granted = permission === 'granted';
    storeChoice(granted);
    setChosen(granted);
    setBlocked(!granted);
  }, []);

  // Permission taken back in the browser's settings since: off, whatever was remembered.
  return { supported: api !== null, on: chosen && api?.permission === 'granted', blocked, turn };
}
