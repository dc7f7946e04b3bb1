import { emptyJourneyMetrics, type JourneyDocument, type JourneyMetrics } from '@journey/shared';
import { describe, expect, it } from 'vitest';
import { smallJourney } from '../test/fixtures';
import { mainPathFunnel } from './funnel';

/** smallJourney with B sent to a message of its own instead of straight to the exit. */
function journeyWithTwoMessages(): JourneyDocument {
  const document = smallJourney();
  document.nodes.push({
    id: 'push',
    type: 'message',
    position: { x: 900, y: 200 },
    config: { channel: 'push', template: { body: 'Hi' } },
  });
  document.edges = document.edges.map((edge) => (edge.id === 'e4' ? { ...edge, target: 'push' } : edge));
  document.edges.push({ id: 'e6', source: 'push', sourceHandle: 'sent', target: 'done' });
  return document;
}

function metricsOf(document: JourneyDocument, entered: Record<string, number>, edges: Record<string, number>) {
  const metrics: JourneyMetrics = emptyJourneyMetrics(document.id, null, [document]);
  metrics.entered = entered.start ?? 0;
  for (const [nodeId, count] of Object.entries(entered)) {
    const node = metrics.nodes[nodeId];
    if (node) node.entered = count;
  }
  Object.assign(metrics.edges, edges);
  return metrics;
}

const rowsOf = (document: JourneyDocument, metrics: JourneyMetrics) =>
  mainPathFunnel(document, metrics).map((row) => [row.nodeId, row.count, row.share]);

describe('the main-path funnel', () => {
  it('goes out of each node by its busiest edge, then to the goal', () => {
    const document = journeyWithTwoMessages();
    const metrics = metricsOf(document, { start: 200, pause: 180, ab: 150, hello: 70, push: 80 }, { e3: 70, e4: 80 });
    metrics.goal.converted = 30;
    expect(rowsOf(document, metrics)).toEqual([
      ['start', 200, 1],
      ['pause', 180, 0.9],
      ['ab', 150, 0.75],
      ['push', 80, 0.4],
      [null, 30, 0.15],
    ]);
  });

  it('leaves out edges to an exit, however busy', () => {
    const document = smallJourney();
    const metrics = metricsOf(document, { start: 200, pause: 180, ab: 150, hello: 70 }, { e3: 70, e4: 80 });
    expect(rowsOf(document, metrics).map(([nodeId]) => nodeId)).toEqual(['start', 'pause', 'ab', 'hello', null]);
  });

  it('takes the first edge while nobody has passed, and has no shares before anyone entered', () => {
    const document = journeyWithTwoMessages();
    expect(rowsOf(document, metricsOf(document, {}, {}))).toEqual([
      ['start', 0, null],
      ['pause', 0, null],
      ['ab', 0, null],
      ['hello', 0, null],
      [null, 0, null],
    ]);
  });
});
