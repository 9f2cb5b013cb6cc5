export { spawnBuiltApi, startBuiltApi } from './lib/built-api';
export type { BuiltApiOptions } from './lib/built-api';
export { chromiumLaunchOptions } from './lib/chromium';
export { eventually } from './lib/eventually';
export type { EventuallyOptions } from './lib/eventually';
export { freePort } from './lib/free-port';
export { ServerProcess } from './lib/server-process';
export type { Exit, ServerProcessOptions } from './lib/server-process';
export { workspaceRoot } from './lib/workspace-root';
