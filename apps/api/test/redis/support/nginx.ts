import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ServerProcess, workspaceRoot } from '@live/test-support';

const NGINX = '/usr/sbin/nginx';

/**
 * Debian's nginx running the repository's deploy/nginx.conf, with only its listen port and
 * upstream servers changed, in a temp prefix of its own (removed by `stop`).
 */
export async function startNginx(upstreamPorts: number[], port?: number): Promise<ServerProcess> {
  port ??= await freePort();
  const prefix = mkdtempSync(join(tmpdir(), 'live-nginx-'));
  // nginx's workers drop root and must still reach their temp files under the prefix.
  chmodSync(prefix, 0o755);
  writeFileSync(join(prefix, 'nginx.conf'), shippedConfig(port, upstreamPorts));
  return ServerProcess.start({
    command: NGINX,
    args: ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
    port,
    readyPath: '/health/live',
    cleanup: () => rmSync(prefix, { recursive: true, force: true }),
  });
}

/** deploy/nginx.conf listening on `port` (loopback only) in front of `upstreamPorts`. */
function shippedConfig(port: number, upstreamPorts: number[]): string {
  const shipped = readFileSync(join(workspaceRoot(), 'deploy/nginx.conf'), 'utf8');
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
