import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileJourney,
  createJourneyMachine,
  currentNodeOf,
  EFFECT_EVENT,
  type JourneyDocument,
  type JourneyMachine,
  type JourneySnapshot,
  type StepResult,
  startJourney,
  stepJourney,
  validateJourney,
} from '../src';
import { journey } from './journeys';

type Choice = { type: string; variant: number };
const choiceArbitrary = fc.record({
  type: fc.constantFrom('wait', 'waitForEvent', 'condition', 'split', 'message', 'benefit', 'updateProfile', 'exit'),
  variant: fc.nat(5),
});

function configFor({ type, variant }: Choice): Record<string, unknown> {
  switch (type) {
    case 'wait':
      return variant % 2 ? { duration: `PT${variant + 1}H` } : { until: { time: '09:00' } };
    case 'waitForEvent':
      return {
        event: `event_${variant % 3}`,
        within: 'P3D',
        ...(variant > 3 ? { count: 2, window: 'naturalWeek' } : {}),
      };
    case 'condition':
      return {
        branches: Array.from({ length: 1 + (variant % 2) }, (_, index) => ({
          id: `b${index}`,
          when: { attr: 'score', op: 'gt', value: index * 10 },
        })),
      };
    case 'split':
      return variant % 2
        ? {
            variants: [
              { id: 'A', weight: 50 },
              { id: 'B', weight: 50 },
            ],
          }
        : {
            variants: [
              { id: 'A', weight: 45 },
              { id: 'B', weight: 45 },
              { id: 'C', weight: 10, control: true },
            ],
          };
    case 'message':
      return { channel: 'sms', template: { body: 'hello' } };
    case 'benefit':
      return { poolId: 'pool' };
    case 'updateProfile':
      return { set: { score: variant * 10 } };
    default:
      return {};
  }
}

const handlesOf = (type: string, config: Record<string, unknown>, withFailed: boolean): string[] => {
  switch (type) {
    case 'waitForEvent':
      return ['matched', 'timeout'];
    case 'condition':
      return [...(config.branches as Array<{ id: string }>).map((branch) => branch.id), 'else'];
    case 'split':
      return (config.variants as Array<{ id: string }>).map((variant) => variant.id);
    case 'message':
      return withFailed ? ['sent', 'failed'] : ['sent'];
    case 'benefit':
      return ['granted', 'unavailable'];
    case 'exit':
      return [];
    default:
      return ['next'];
  }
};

/** A random tree-shaped journey: each open handle takes the next choice, or an exit once choices run out. */
function buildJourney(choices: Choice[]): JourneyDocument {
  const nodes: Array<[string, string, Record<string, unknown>]> = [['t', 'trigger', { kind: 'event', event: 'start' }]];
  const edges: Array<[string, string, string]> = [];
  const open: Array<[string, string]> = [['t', 'next']];
  let next = 0;
  while (open.length > 0) {
    const [source, handle] = open.shift()!;
    const choice = choices[next] ?? { type: 'exit', variant: 0 };
    const id = `n${nodes.length}`;
    const config = configFor(choice);
    nodes.push([id, choice.type, config]);
    edges.push([source, handle, id]);
    for (const out of handlesOf(choice.type, config, choice.variant % 2 === 1)) open.push([id, out]);
    next++;
  }
  return journey(nodes, edges);
}

interface Branch {
  snapshot: JourneySnapshot;
  timers: Map<string, { eventType: string; dueAt: number }>;
  now: number;
}

function advance(branch: Branch, result: StepResult): Branch {
  const timers = new Map(branch.timers);
  for (const id of result.cancelledTimers) timers.delete(id);
  for (const timer of result.timers)
    timers.set(timer.id, { eventType: timer.eventType, dueAt: branch.now + timer.delay });
  return { snapshot: result.snapshot, timers, now: branch.now };
}

/** Every event that could come next: each pending timer, each effect outcome, each awaited event. */
function nextSteps(machine: JourneyMachine, branch: Branch): Branch[] {
  const scope = { profile: { score: 15 }, tags: [] as string[] };
  const node = currentNodeOf(branch.snapshot.value);
  const results: Branch[] = [];
  for (const [id, timer] of branch.timers) {
    const fired = { ...branch, now: timer.dueAt, timers: new Map([...branch.timers].filter(([key]) => key !== id)) };
    results.push(
      advance(fired, stepJourney(machine, branch.snapshot, { type: timer.eventType, at: timer.dueAt, ...scope })),
    );
  }
  for (const outcome of ['sent', 'failed', 'granted', 'unavailable', 'next']) {
    const event = { type: EFFECT_EVENT, nodeId: node, outcome, at: branch.now, ...scope } as const;
    const result = stepJourney(machine, branch.snapshot, event);
    if (result.snapshot.value !== branch.snapshot.value) results.push(advance(branch, result));
  }
  for (const type of ['event_0', 'event_1', 'event_2']) {
    const result = stepJourney(machine, branch.snapshot, { type, at: branch.now, ...scope });
    if (JSON.stringify(result.snapshot.value) !== JSON.stringify(branch.snapshot.value))
      results.push(advance(branch, result));
  }
  return results;
}

describe('random valid journeys', () => {
  it('validate, compile, and every reachable path ends in a final state', () => {
    fc.assert(
      fc.property(fc.array(choiceArbitrary, { maxLength: 14 }), (choices) => {
        const document = buildJourney(choices);
        expect(validateJourney(document).filter((problem) => problem.severity === 'error')).toEqual([]);
        const compiled = compileJourney(document);
        if (!compiled.ok) throw new Error('a valid journey must compile');
        const machine = createJourneyMachine(compiled.compiled);
        const start = startJourney(machine, {
          customerId: 'c',
          journeyId: 'j1',
          at: 0,
          ...{ profile: { score: 15 }, tags: [] },
        });
        const pending: Branch[] = [advance({ snapshot: start.snapshot, timers: new Map(), now: 0 }, start)];
        let explored = 0;
        while (pending.length > 0 && explored < 2_000) {
          const branch = pending.pop()!;
          explored++;
          if (branch.snapshot.status === 'done') continue;
          const next = nextSteps(machine, branch);
          // A customer is never stuck: some timer, effect result or event always moves them on.
          expect(next.length, `stuck at ${currentNodeOf(branch.snapshot.value)}`).toBeGreaterThan(0);
          pending.push(...next);
        }
      }),
      { numRuns: 60 },
    );
  });
});
