import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { ChatService } from './chat.service';
import { TypingService } from './typing.service';

@Module({
  imports: [StoreModule],
  providers: [ChatService, TypingService],
  exports: [ChatService, TypingService],
})
export class ChatModule {}
