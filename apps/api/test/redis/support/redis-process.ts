import { spawn, type ChildProcess } from 'node:child_process';

/** Runs `redis-server args`; resolves once it prints `ready`, rejects with its output if it exits first. */
export function spawnRedis(args: string[], ready: string): Promise<ChildProcess> {
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) resolve(child);
    });
    child.once('exit', (code) =>
      reject(new Error(`redis-server ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/** Kills it without warning (SIGKILL), as a crash would, and waits until it is gone. */
export async function killNow(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
