/** Events between the instances of one deployment (Socket.IO `serverSideEmit`), not seen by clients. */
export interface InterServerEvents {
  /** The highest click count the sending instance knows of. */
  count: (count: number) => void;
  /** A moderator reset the counter to `count` on the sending instance. */
  counterReset: (count: number) => void;
}
