/**
 * Compiles a 200-node journey and steps customers through it; prints JSON figures.
 * Run: pnpm --filter @journey/shared bench
 */
import { compileJourney, createJourneyMachine, type JourneyDocument, startJourney, stepJourney } from '../src';

/** A chain of 200 nodes: waits for events alternating with conditions and messages, ending in exits. */
function largeJourney(size: number): JourneyDocument {
  const nodes: JourneyDocument['nodes'] = [
    { id: 'n0', type: 'trigger', position: { x: 0, y: 0 }, config: { kind: 'event', event: 'start' } },
  ];
  const edges: JourneyDocument['edges'] = [];
  let previous = { id: 'n0', handle: 'next' };
  for (let index = 1; nodes.length < size - 1; index++) {
    const id = `n${index}`;
    const kind = index % 3;
    const config =
      kind === 0
        ? { event: 'tick', within: 'P1D' }
        : kind === 1
          ? { branches: [{ id: 'high', when: { attr: 'score', op: 'gt', value: index } }] }
          : { channel: 'sms', template: { body: `step ${index}` } };
    const type = kind === 0 ? 'waitForEvent' : kind === 1 ? 'condition' : 'message';
    nodes.push({ id, type, position: { x: index * 200, y: 0 }, config });
    edges.push({ id: `e${index}`, source: previous.id, sourceHandle: previous.handle, target: id });
    const side = kind === 0 ? 'timeout' : kind === 1 ? 'else' : undefined;
    if (side) {
      const exitId = `x${index}`;
      nodes.push({ id: exitId, type: 'exit', position: { x: index * 200, y: 200 }, config: {} });
      edges.push({ id: `s${index}`, source: id, sourceHandle: side, target: exitId });
    }
    previous = { id, handle: kind === 0 ? 'matched' : kind === 1 ? 'high' : 'sent' };
  }
  nodes.push({ id: 'end', type: 'exit', position: { x: 0, y: 400 }, config: {} });
  edges.push({ id: 'e-end', source: previous.id, sourceHandle: previous.handle, target: 'end' });
  return {
    schemaVersion: 1,
    id: 'bench',
    name: 'Benchmark',
    settings: { reentry: 'never', timezone: 'Asia/Shanghai' },
    nodes,
    edges,
  };
}

const document = largeJourney(200);
const runs = 20;
const started = performance.now();
let compiled: ReturnType<typeof compileJourney> | undefined;
for (let run = 0; run < runs; run++) compiled = compileJourney(document);
const compileMs = (performance.now() - started) / runs;
if (!compiled?.ok) throw new Error(`benchmark journey is invalid: ${JSON.stringify(compiled)}`);

const machineStarted = performance.now();
const machine = createJourneyMachine(compiled.compiled);
const machineMs = performance.now() - machineStarted;

const scope = { profile: { score: 1_000 }, tags: [] as string[] };
const stepStarted = performance.now();
let steps = 0;
for (let customer = 0; customer < 200; customer++) {
  let { snapshot } = startJourney(machine, { customerId: `c${customer}`, journeyId: 'bench', at: 0, ...scope });
  while (snapshot.status !== 'done') {
    snapshot = stepJourney(machine, snapshot, { type: 'tick', at: 1, ...scope }).snapshot;
    steps++;
  }
}
const stepSeconds = (performance.now() - stepStarted) / 1000;

console.log(
  JSON.stringify(
    {
      nodes: document.nodes.length,
      compileMs: Number(compileMs.toFixed(2)),
      createMachineMs: Number(machineMs.toFixed(2)),
      transitionsPerSecond: Math.round(steps / stepSeconds),
    },
    null,
    2,
  ),
);
