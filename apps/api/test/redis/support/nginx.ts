import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port';
import { WORKSPACE } from '../../support/workspace';

const NGINX = '/usr/sbin/nginx';

/**
 * Debian's nginx running the repository's deploy/nginx.conf, with only its listen port and
 * upstream servers changed, in a temp prefix of its own.
 */
export class Nginx {
  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly prefix: string,
  ) {}

  static async start(upstreamPorts: number[]): Promise<Nginx> {
    const port = await freePort();
    const prefix = mkdtempSync(join(tmpdir(), 'live-nginx-'));
    // nginx's workers drop root and must still reach their temp files under the prefix.
    chmodSync(prefix, 0o755);
    writeFileSync(join(prefix, 'nginx.conf'), shippedConfig(port, upstreamPorts));
    const child = spawn(
      NGINX,
      ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const nginx = new Nginx(port, child, prefix);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`nginx exited:\n${stderr}`);
      try {
        if ((await fetch(`${nginx.url}/health/live`)).ok) return nginx;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`nginx did not start:\n${stderr}`);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.prefix, { recursive: true, force: true });
  }
}

/** deploy/nginx.conf listening on `port` (loopback only) in front of `upstreamPorts`. */
function shippedConfig(port: number, upstreamPorts: number[]): string {
  const shipped = readFileSync(join(WORKSPACE, 'deploy/nginx.conf'), 'utf8');
  const servers = /^(\s*)server 127\.0\.0\.1:\d+( .*)?;\n/gm;
  const [first] = shipped.match(servers) ?? [];
  if (!first || !shipped.includes('listen 8080;'))
    throw new Error('deploy/nginx.conf changed shape: update this helper');
  const upstream = upstreamPorts.map((p) => first.replace(/:\d+/, `:${p}`)).join('');
  return shipped
    .replace(servers, (line) => (line === first ? upstream : ''))
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replace('worker_processes auto;', 'worker_processes 1;');
}
