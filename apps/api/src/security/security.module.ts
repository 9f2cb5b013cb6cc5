import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { ConnectionAdmission } from './connection-admission';

@Module({
  imports: [MetricsModule],
  providers: [ConnectionAdmission],
  exports: [ConnectionAdmission],
})
export class SecurityModule {}
