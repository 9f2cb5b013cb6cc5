import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderChart } from './chart';
import { USAGE, UsageError, parseOptions } from './options';
import { formatReport } from './report';
import { runBench } from './run';

/** `npm run bench`: measures the project and the plain Socket.IO baseline side by side. */
async function main(): Promise<void> {
  const { help, ...options } = parseOptions(process.argv.slice(2));
  if (help) {
    process.stdout.write(USAGE);
    return;
  }
  const tty = process.stderr.isTTY && !options.quiet;
  let lastLine = '';
  const progress = (line: string) => {
    if (tty) process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns || 120) - 1)}`);
    else if (!options.quiet) {
      // Not a terminal: one line per phase, not per tick.
      const phase = line.replace(/^\s*\d+ s /, '').split(' — ')[0];
      if (phase !== lastLine) process.stderr.write(`${line}\n`);
      lastLine = phase;
    }
  };
  const result = await runBench(options, progress);
  if (tty) process.stderr.write('\r\x1b[K');
  mkdirSync(options.out, { recursive: true });
  const jsonFile = join(options.out, 'bench.json');
  const chartFile = join(options.out, 'latency.svg');
  writeFileSync(jsonFile, JSON.stringify(result, null, 2) + '\n');
  writeFileSync(chartFile, renderChart(result));
  process.stdout.write(`${formatReport(result)}\n\nWrote ${jsonFile} and ${chartFile}\n`);
}

const interrupted = () => process.exit(130);
process.on('SIGINT', interrupted);
process.on('SIGTERM', interrupted);

main().catch((error: unknown) => {
  process.stderr.write(
    `\nbench failed: ${error instanceof UsageError ? `${error.message}\n\n${USAGE}` : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
