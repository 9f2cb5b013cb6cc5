import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { CounterService } from './counter.service';

@Module({
  imports: [StoreModule],
  providers: [CounterService],
  exports: [CounterService],
})
export class CounterModule {}
