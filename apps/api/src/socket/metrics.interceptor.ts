import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, tap, throwError } from 'rxjs';
import { LiveMetrics } from '../metrics/live-metrics';
import { toErrorBody } from './error-body';

/** Counts every inbound event by result and times its handler (validation and store included). */
@Injectable()
export class MetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: LiveMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    const event = context.switchToWs().getPattern();
    const stopTimer = this.metrics.handlerSeconds.startTimer({ event });
    return next.handle().pipe(
      tap(() => {
        stopTimer();
        this.metrics.events.inc({ event, result: 'ok' });
      }),
      catchError((error: unknown) => {
        stopTimer();
        const result = toErrorBody(error).code;
        this.metrics.events.inc({ event, result });
        if (result === 'RATE_LIMITED') this.metrics.rateLimited.inc({ event });
        return throwError(() => error);
      }),
    );
  }
}
