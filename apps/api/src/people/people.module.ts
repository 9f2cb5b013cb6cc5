import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PeopleService } from './people.service';

/** How often an instance of a cluster tells the others who is on it, changed or not. */
export const PEOPLE_HEARTBEAT_MS = 5000;

/** Who is here, by person; with Redis, instances silent for three heartbeats drop out. */
@Module({
  providers: [
    {
      provide: PeopleService,
      inject: [APP_CONFIG],
      useFactory: ({ redis }: AppConfig) =>
        new PeopleService(redis ? 3 * PEOPLE_HEARTBEAT_MS : Number.POSITIVE_INFINITY),
    },
  ],
  exports: [PeopleService],
})
export class PeopleModule {}
