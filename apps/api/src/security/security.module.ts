import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { SocketModule } from '../socket/socket.module';
import { ConnectionAdmission } from './connection-admission';

@Module({
  imports: [MetricsModule, SocketModule],
  providers: [ConnectionAdmission],
  exports: [ConnectionAdmission],
})
export class SecurityModule {}
