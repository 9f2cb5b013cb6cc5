import { eventually } from '@live/test-support';
import WebSocket from 'ws';

/** The Node process's inspector on `port` (its `--inspect-port`), once it answers. */
function debuggerUrl(port: number, timeoutMs: number): Promise<string> {
  return eventually(
    async () => {
      const response = await fetch(`http://127.0.0.1:${port}/json/list`);
      const [target] = (await response.json()) as { webSocketDebuggerUrl: string }[];
      return target?.webSocketDebuggerUrl ?? false;
    },
    { timeoutMs, intervalMs: 50 },
  );
}

/**
 * Opens the inspector of the Node process `pid`, started with `--inspect-port=127.0.0.1:<port>`,
 * with SIGUSR1 (Node's own handler: the server needs no flag or code of its own), and answers
 * its DevTools URL once it listens. Again on an open one changes nothing.
 */
export async function openInspector(
  pid: number,
  port: number,
  timeoutMs = 10_000,
): Promise<string> {
  process.kill(pid, 'SIGUSR1');
  return debuggerUrl(port, timeoutMs);
}

/**
 * Runs a full garbage collection in the Node process `pid` through its inspector
 * ({@link openInspector}) and answers the V8 heap it then uses (bytes): what the process holds,
 * without garbage. The DevTools protocol's `HeapProfiler.collectGarbage` answers once V8 has
 * collected.
 */
export async function liveHeapBytes(
  pid: number,
  port: number,
  timeoutMs = 10_000,
): Promise<number> {
  const socket = new WebSocket(await openInspector(pid, port, timeoutMs));
  const replies = new Map<number, (result: unknown) => void>();
  socket.on('message', (data) => {
    const { id, result } = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (id !== undefined) replies.get(id)?.(result);
  });
  const call = (id: number, method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      replies.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no full GC within the time')), timeoutMs);
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const measure = async () => {
    await opened;
    await call(1, 'HeapProfiler.collectGarbage');
    const evaluated = (await call(2, 'Runtime.evaluate', {
      expression: 'process.memoryUsage().heapUsed',
      returnByValue: true,
    })) as { result: { value: number } };
    return evaluated.result.value;
  };
  try {
    return await Promise.race([measure(), timeout]);
  } finally {
    clearTimeout(timer);
    socket.close();
  }
}
