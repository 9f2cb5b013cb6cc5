import { randomInt } from 'node:crypto';

/** A name for someone who has not picked one: "Guest 4821". */
export const guestName = (): string => `Guest ${randomInt(1000, 10000)}`;
