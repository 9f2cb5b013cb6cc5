import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { FloodAttack, FloodOrder } from './worker-protocol';

/**
 * What each admitted connection sends at once, before it closes: every event a client may send,
 * 20 times each, as raw Socket.IO packets (the clicks ask for acks, as the UI's do).
 */
export const BURST = Array.from({ length: 20 }, (_, i) => [
  `42${i}["click"]`,
  `42["message","flood ${i}"]`,
  '42["history",{"before":1000000,"limit":50}]',
  '42["typing",true]',
]).flat();

/**
 * The flood scenario's attacker: `concurrency` loops, each opening a raw WebSocket from
 * `localAddress`, joining as a client, firing BURST and closing, then opening the next one, for
 * `durationMs`. Raw `ws`, not socket.io-client: no reconnection back-off and no buffering, the
 * cheapest way for one process to cost a server the most.
 */
export function flood({
  url,
  concurrency,
  durationMs,
  localAddress,
}: FloodOrder): Promise<FloodAttack> {
  const attack: FloodAttack = {
    attempts: 0,
    admitted: 0,
    refused: 0,
    refusedHttp: 0,
    eventsSent: 0,
    errors: 0,
    busy: 0,
  };
  const address = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  const open = new Set<WebSocket>();
  const loopSince = performance.eventLoopUtilization();
  let over = false;
  return new Promise((resolve) => {
    const finish = () => {
      attack.busy = performance.eventLoopUtilization(loopSince).utilization;
      resolve(attack);
    };
    const connect = () => {
      const ws = new WebSocket(address, { localAddress });
      open.add(ws);
      attack.attempts++;
      // Set when this side ends the connection: the error that follows is not the server's doing.
      let ending = false;
      ws.on('unexpected-response', (_req, res) => {
        attack.refusedHttp++;
        attack.refusedHttpStatus ??= res.statusCode;
        ending = true;
        ws.terminate();
      });
      ws.on('message', (data) => {
        const packet = String(data);
        if (packet === '2') ws.send('3');
        else if (packet.startsWith('0')) ws.send('40{"name":"flood"}');
        else if (packet.startsWith('44')) {
          attack.refused++;
          ws.close();
        } else if (packet.startsWith('40')) {
          attack.admitted++;
          for (const event of BURST) ws.send(event);
          attack.eventsSent += BURST.length;
          ws.close();
        }
      });
      ws.on('error', (error) => {
        if (ending || over) return;
        attack.errors++;
        attack.firstError ??= error.message;
      });
      ws.on('close', () => {
        open.delete(ws);
        if (!over) setImmediate(connect);
        else if (open.size === 0) finish();
      });
    };
    setTimeout(() => {
      over = true;
      if (open.size === 0) return finish();
      for (const ws of open) ws.terminate();
    }, durationMs);
    for (let i = 0; i < concurrency; i++) connect();
  });
}
