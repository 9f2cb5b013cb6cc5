import { jest } from '@jest/globals';
import { Logger, type ArgumentsHost } from '@nestjs/common';
import { StoreUnavailableError } from '../store/store';
import { ProtocolError } from './protocol-error';
import { ProtocolExceptionFilter } from './protocol-exception.filter';

function hostFor(ack?: (result: unknown) => void) {
  const socket = { id: 's1', emit: jest.fn() };
  const host = {
    switchToWs: () => ({ getClient: () => socket }),
    getArgByIndex: (index: number) => [socket, 'data', ack, 'click'][index],
  } as unknown as ArgumentsHost;
  return { socket, host };
}

describe('ProtocolExceptionFilter', () => {
  const filter = new ProtocolExceptionFilter();
  beforeAll(() => Logger.overrideLogger(false));

  it('answers through the ack when the client sent one', () => {
    const ack = jest.fn();
    const { socket, host } = hostFor(ack);
    filter.catch(new ProtocolError('RATE_LIMITED', 'Too many', 250), host);
    expect(ack).toHaveBeenCalledWith({
      ok: false,
      error: { code: 'RATE_LIMITED', message: 'Too many', retryAfterMs: 250 },
    });
    expect(socket.emit).not.toHaveBeenCalled();
  });

  it('emits `exception` to that socket when there is no ack', () => {
    const { socket, host } = hostFor();
    filter.catch(new ProtocolError('VALIDATION', 'Message must not be empty'), host);
    expect(socket.emit).toHaveBeenCalledWith('exception', {
      status: 'error',
      code: 'VALIDATION',
      message: 'Message must not be empty',
    });
  });

  it('reports store failures as UNAVAILABLE', () => {
    const ack = jest.fn();
    filter.catch(new StoreUnavailableError('SQLITE_FULL'), hostFor(ack).host);
    expect(ack).toHaveBeenCalledWith({
      ok: false,
      error: expect.objectContaining({ code: 'UNAVAILABLE' }),
    });
  });

  it('hides unexpected errors behind INTERNAL', () => {
    const ack = jest.fn();
    filter.catch(new TypeError('secret detail'), hostFor(ack).host);
    const [[result]] = ack.mock.calls as [[{ error: { code: string; message: string } }]];
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).not.toContain('secret');
  });
});
