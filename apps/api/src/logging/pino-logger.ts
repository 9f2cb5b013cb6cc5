import type { LoggerService } from '@nestjs/common';
import pino, { type Logger, type LevelWithSilent } from 'pino';
import pretty from 'pino-pretty';
import type { LogFormat } from '../config/config';

/** The process's logger: JSON lines for collectors, or coloured lines for a person reading. */
export const createLogger = (level: LevelWithSilent, format: LogFormat = 'json'): Logger =>
  format === 'pretty'
    ? // Synchronous, in-process: no transport worker to start or to lose lines at exit.
      pino(
        { level, base: { app: 'live-api' } },
        pretty({
          sync: true,
          ignore: 'pid,hostname,app,context',
          messageFormat: '{if context}[{context}] {end}{msg}',
        }),
      )
    : pino({ level, base: { app: 'live-api' } });

/**
 * Nest's logger interface over pino, so framework and app logs are one JSON stream.
 * `logger.error({ socket, err }, 'msg')` passes structured fields through.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]) {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.write('fatal', message, rest);
  }

  // Nest passes (message, ...optionalParams, context): a trailing string is the context,
  // a string after a message is an error stack.
  private write(level: pino.Level, message: unknown, rest: unknown[]) {
    const params = [...rest];
    const context = typeof params.at(-1) === 'string' ? params.pop() : undefined;
    const fields: Record<string, unknown> = { context };
    let text: string | undefined;
    if (typeof message === 'string') text = message;
    else if (message instanceof Error) [fields['err'], text] = [message, message.message];
    else if (typeof message === 'object' && message !== null) Object.assign(fields, message);
    for (const param of params) {
      if (param instanceof Error) fields['err'] = param;
      else if (typeof param === 'string' && text === undefined) text = param;
      else if (typeof param === 'string') fields['stack'] = param;
    }
    this.logger[level](fields, text);
  }
}
