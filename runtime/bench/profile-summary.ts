/**
 * Summarises a V8 CPU profile (.cpuprofile, from `node --cpu-prof` or the inspector): self time per function
 * and per module (a package in node_modules, a file of this repository, or V8/native).
 * Run alone: `tsx bench/profile-summary.ts file.cpuprofile [top]`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  selfMs: number;
  percent: number;
}

/** A short location: `pkg/file.js:line` inside node_modules, `runtime/src/…:line` for ours, or a V8 bucket. */
function locationOf({ url, lineNumber }: ProfileNode['callFrame']): string {
  if (!url) return 'native';
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('/node_modules/');
  const short =
    inModules >= 0 ? path.slice(inModules + '/node_modules/'.length) : path.replace(/^.*?\/(runtime|shared)\//, '$1/');
  return `${short}:${lineNumber + 1}`;
}

function moduleOf({ url }: ProfileNode['callFrame']): string {
  if (!url) return '(native / GC / idle)';
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const [scopeOrName, name] = path.slice(inModules + '/node_modules/'.length).split('/');
    return scopeOrName?.startsWith('@') ? `${scopeOrName}/${name}` : (scopeOrName ?? path);
  }
  if (path.startsWith('node:')) return 'node core';
  const ours = /\/(runtime|shared)\/(src\/.*)$/.exec(path);
  return ours ? `${ours[1]}/${ours[2]}` : path;
}

function selfTimes(profile: CpuProfile, keyOf: (frame: ProfileNode['callFrame']) => string): SelfTime[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    const key = keyOf(node.callFrame);
    totals.set(key, (totals.get(key) ?? 0) + delta);
    all += delta;
  });
  return [...totals.entries()]
    .sort((left, right) => right[1] - left[1])
    .map(([name, micros]) => ({
      name,
      selfMs: Math.round(micros / 1000),
      percent: Math.round((micros / all) * 1000) / 10,
    }));
}

/** The top functions and modules by self time. */
export function summarizeProfile(file: string, top = 25): { functions: SelfTime[]; modules: SelfTime[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const functions = selfTimes(profile, (frame) =>
    `${frame.functionName || '(anonymous)'} ${locationOf(frame)}`.replace(/ native:1$/, ''),
  );
  return { functions: functions.slice(0, top), modules: selfTimes(profile, moduleOf).slice(0, top) };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx bench/profile-summary.ts file.cpuprofile [top]');
  console.log(JSON.stringify(summarizeProfile(file, Number(top ?? 40)), null, 2));
}
