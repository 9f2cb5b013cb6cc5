import { Logger } from '@nestjs/common';
import type { OnCommit } from './store';

const logger = new Logger('Store');

/**
 * Tells a write's listener that it committed. A listener that throws is logged and goes no
 * further: the write it heard of, and every other, still settles.
 */
export function announceCommit<T>(onCommit: OnCommit<T> | undefined, result: T): void {
  if (!onCommit) return;
  try {
    onCommit(result);
  } catch (error) {
    logger.error({ err: error }, 'a commit listener failed');
  }
}
