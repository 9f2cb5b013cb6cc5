import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Self time per function of a V8 .cpuprofile (from `node --cpu-prof`), largest first. */
export function selfTimes(profile: CpuProfile): { name: string; ms: number; pct: number }[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const byName = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byNode.get(id);
    if (!node) throw new Error(`sample ${i} names node ${id}, which the profile does not have`);
    const frame = node.callFrame;
    const where = frame.url
      ? `${relative(process.cwd(), frame.url.replace(/^file:\/\//, ''))}:${frame.lineNumber + 1}`
      : '';
    const name = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    byName.set(name, (byName.get(name) ?? 0) + dt);
    total += dt;
  });
  return [...byName.entries()]
    .map(([name, ms]) => ({ name, ms, pct: (100 * ms) / total }))
    .sort((a, b) => b.ms - a.ms);
}

if (require.main === module) {
  const [file, top = '25'] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('Usage: node dist/tools/bench/profile-summary.js FILE.cpuprofile [TOP]\n');
    process.exit(1);
  }
  const rows = selfTimes(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile).slice(
    0,
    Number(top),
  );
  for (const r of rows)
    process.stdout.write(
      `${r.ms.toFixed(0).padStart(8)} ms ${r.pct.toFixed(1).padStart(5)}%  ${r.name}\n`,
    );
}
