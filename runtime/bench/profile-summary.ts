/**
 * Summarises a V8 CPU profile (.cpuprofile, from `node --cpu-prof` or the inspector):
 * - `functions`: self time per function (where the CPU actually was);
 * - `modules`: self time per package in node_modules, per file of this repository, or native (SQLite, GC, I/O);
 * - `ours`: inclusive time (with callees) of this repository's functions, which says what a fix in one of them
 *   can save at most.
 * Line numbers are given for packages only: files run through tsx are transpiled, so their lines would mislead.
 * Run alone: `tsx bench/profile-summary.ts file.cpuprofile [top]`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  percent: number;
}

const MODULES = '/node_modules/';
const OURS = /\/(runtime|shared)\/(src\/.*)$/;

function pathOf(url: string): string {
  return url.replace(/^file:\/\//, '');
}

function nameOf({ functionName, url, lineNumber }: CallFrame): string {
  const name = functionName || '(anonymous)';
  if (!url) return name;
  const path = pathOf(url);
  const inModules = path.lastIndexOf(MODULES);
  if (inModules >= 0) return `${name} ${path.slice(inModules + MODULES.length)}:${lineNumber + 1}`;
  const ours = OURS.exec(path);
  return `${name} ${ours ? `${ours[1]}/${ours[2]}` : path}`;
}

function moduleOf({ url }: CallFrame): string {
  if (!url) return '(native: SQLite, GC, I/O, idle)';
  const path = pathOf(url);
  const inModules = path.lastIndexOf(MODULES);
  if (inModules >= 0) {
    const [scopeOrName, name] = path.slice(inModules + MODULES.length).split('/');
    return scopeOrName?.startsWith('@') ? `${scopeOrName}/${name}` : (scopeOrName ?? path);
  }
  if (path.startsWith('node:')) return 'node core';
  const ours = OURS.exec(path);
  return ours ? `${ours[1]}/${ours[2]}` : path;
}

function ranked(totals: Map<string, number>, all: number, top: number): SelfTime[] {
  return [...totals.entries()]
    .sort((left, right) => right[1] - left[1])
    .slice(0, top)
    .map(([name, micros]) => ({
      name,
      ms: Math.round(micros / 1000),
      percent: Math.round((micros / all) * 1000) / 10,
    }));
}

/** The top functions and modules by self time, and this repository's functions by inclusive time. */
export function summarizeProfile(file: string, top = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const self = new Map<string, number>();
  const modules = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (totals: Map<string, number>, key: string, micros: number) =>
    totals.set(key, (totals.get(key) ?? 0) + micros);
  let all = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    all += micros;
    add(self, nameOf(node.callFrame), micros);
    add(modules, moduleOf(node.callFrame), micros);
    // Every function of ours on the stack, once per sample even when it recurses.
    const seen = new Set<string>();
    for (let at: ProfileNode | undefined = node; at; at = byId.get(parentOf.get(at.id) ?? -1)) {
      if (!OURS.test(pathOf(at.callFrame.url))) continue;
      const name = nameOf(at.callFrame);
      if (!seen.has(name)) add(inclusive, name, micros);
      seen.add(name);
    }
  });
  return { functions: ranked(self, all, top), modules: ranked(modules, all, top), ours: ranked(inclusive, all, top) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx bench/profile-summary.ts file.cpuprofile [top]');
  console.log(JSON.stringify(summarizeProfile(file, Number(top ?? 40)), null, 2));
}
