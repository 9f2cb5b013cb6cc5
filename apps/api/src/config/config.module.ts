import { DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './config';

/**
 * Provides the AppConfig that main read from the environment (tests pass their own). Global,
 * the one exception: the configuration exists only once Nest is asked to start, so a static
 * module cannot hold it, and a global one lets every other module stay static and import
 * exactly what it uses instead of threading `config` through a `forRoot` of each.
 */
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
