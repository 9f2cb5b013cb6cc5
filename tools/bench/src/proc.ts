import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Resident set size of a process in KiB, from /proc/<pid>/status. */
export function readRssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]);
}

/** User + system CPU seconds a process has used, from /proc/<pid>/stat. */
export function readCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** The file descriptors a process has open (each connection is one), from /proc/<pid>/fd. */
export function countOpenFds(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

/** Whether a process is still running (its /proc entry is there to read). */
export function isRunning(pid: number): boolean {
  try {
    readRssKiB(pid);
    return true;
  } catch {
    return false;
  }
}
