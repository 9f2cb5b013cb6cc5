import { act } from '@testing-library/react';

/**
 * Lets every pending promise callback and microtask run (the SocketProvider defers closing to
 * one), so a spec can then assert that something did *not* happen. To wait for something that
 * should happen, poll for it with `waitFor` or `findBy…` instead.
 */
export const settle = () => act(async () => undefined);
