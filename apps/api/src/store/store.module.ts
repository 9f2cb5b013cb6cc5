import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { SqliteStore } from './sqlite.store';
import { STORE, type Store } from './store';

/** Picks the store adapter for the configuration and closes it when the app shuts down. */
@Module({})
export class StoreModule implements OnApplicationShutdown {
  constructor(@Inject(STORE) private readonly store: Store) {}

  static forRoot(config: Pick<AppConfig, 'dataDir'>): DynamicModule {
    return {
      module: StoreModule,
      providers: [{ provide: STORE, useFactory: () => new SqliteStore(config.dataDir) }],
      exports: [STORE],
    };
  }

  // After the HTTP and Socket.IO servers closed: pending writes finish, then the file closes.
  onApplicationShutdown(): Promise<void> {
    return this.store.close();
  }
}
