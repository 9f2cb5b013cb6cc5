import { Module } from '@nestjs/common';
import { MuteList } from './mute-list';
import { StoreModule } from '../store/store.module';
import { IdentityService } from './identity.service';

/** Identities and their names, and the mutes that act on them. */
@Module({
  imports: [StoreModule],
  providers: [IdentityService, { provide: MuteList, useFactory: () => new MuteList() }],
  exports: [IdentityService, MuteList],
})
export class IdentityModule {}
