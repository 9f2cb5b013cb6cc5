import { useContext } from 'react';
import { SocketContext, type SocketContextValue } from './SocketProvider';

/** The connection, its status and a typed `emitWithAck`; only inside a `SocketProvider`. */
export function useSocket(): SocketContextValue {
  const value = useContext(SocketContext);
  if (!value) throw new Error('useSocket must be used inside a <SocketProvider>');
  return value;
}
