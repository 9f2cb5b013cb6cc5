import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { STORE, type Store } from '../store/store';

@Controller('health')
export class HealthController {
  constructor(@Inject(STORE) private readonly store: Store) {}

  /** Readiness: 200 when the store reads and writes, 503 with the reason when it does not. */
  @Get()
  async health() {
    try {
      await this.store.check();
      return { status: 'ok', store: 'ok' };
    } catch (error) {
      throw new ServiceUnavailableException({
        status: 'unavailable',
        store: (error as Error).message,
      });
    }
  }

  /** Same as `GET /health`, under the name orchestrators expect. */
  @Get('ready')
  ready() {
    return this.health();
  }

  /** Liveness: the process answers; never depends on the store. */
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }
}
