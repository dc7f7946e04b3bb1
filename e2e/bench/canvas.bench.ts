import { buildJourney, type EdgeSpec, type JourneyDocument, type NodeSpec } from '@journey/shared';
import type { CDPSession, Page } from 'playwright-core';
import { inject, it } from 'vitest';
import { RuntimeApi, uniqueId } from '../src/api';
import { useBrowser } from '../src/browser';
import { canvasNodes, canvasPane, nodeOnCanvas } from '../src/canvas';

// How the designer's canvas copes with a large journey: opening it, panning it and dragging a node, each
// measured on a 300-node journey and on a 10-node one in the same run, so the ratio means something on a
// shared, noisy machine. It prints figures; it asserts nothing about time.

const browser = useBrowser();
const api = new RuntimeApi(inject('baseUrl'));

const LARGE = 300;
const SMALL = 10;
const PAN_STEPS = 60;
const DRAG_STEPS = 30;
const COLUMNS = 20;

/** A trigger, then waits and messages in turn, snaking over a grid of `COLUMNS` columns, then an exit. */
function chainJourney(nodeCount: number): JourneyDocument {
  const ids = Array.from({ length: nodeCount }, (_, index) => `n${index}`);
  const nodes: NodeSpec[] = ids.map((id, index) => {
    if (index === 0) return [id, 'trigger', { kind: 'event', event: 'card_activated' }];
    if (index === nodeCount - 1) return [id, 'exit', {}];
    return index % 2 === 1
      ? [id, 'wait', { duration: 'P1D' }]
      : [id, 'message', { channel: 'sms', template: { body: `Step ${index}, {{profile.name}}` } }];
  });
  const edges: EdgeSpec[] = ids
    .slice(0, -1)
    .map((id, index) => [id, nodes[index]?.[1] === 'message' ? 'sent' : 'next', ids[index + 1] ?? '']);
  const document = buildJourney(uniqueId(`bench-canvas-${nodeCount}`), nodes, edges);
  document.nodes.forEach((node, index) => {
    const row = Math.floor(index / COLUMNS);
    const column = row % 2 === 0 ? index % COLUMNS : COLUMNS - 1 - (index % COLUMNS);
    node.position = { x: column * 280, y: row * 200 };
  });
  return document;
}

/** Resolves after the browser has painted twice, i.e. once everything queued before it is on screen. */
const painted = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** Main-thread time (all tasks, and script alone) from Chrome's counters, in ms. */
async function mainThread(cdp: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const seconds = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? Number.NaN;
  return { task: seconds('TaskDuration') * 1000, script: seconds('ScriptDuration') * 1000 };
}

interface Gesture {
  /** Wall time per step: a mouse move until it is painted (bounded below by the frame rate). */
  wallMs: number[];
  /** Main-thread busy time per step (what the canvas costs, free of the frame-rate floor). */
  taskMsPerStep: number;
  scriptMsPerStep: number;
}

async function measure(page: Page, open: (route: string) => Promise<void>, document: JourneyDocument) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await api.createJourney(document);
  const started = performance.now();
  await open(`/journeys/${document.id}`);
  await canvasNodes(page)
    .nth(document.nodes.length - 1)
    .waitFor();
  await painted(page);
  const openMs = performance.now() - started;

  const stepped = async (steps: number, from: { x: number; y: number }, dx: number): Promise<Gesture> => {
    const wallMs: number[] = [];
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const before = await mainThread(cdp);
    for (let step = 1; step <= steps; step++) {
      const stepStarted = performance.now();
      await page.mouse.move(from.x + step * dx, from.y + step * (dx / 2));
      await painted(page);
      wallMs.push(performance.now() - stepStarted);
    }
    const after = await mainThread(cdp);
    await page.mouse.up();
    return {
      wallMs,
      taskMsPerStep: (after.task - before.task) / steps,
      scriptMsPerStep: (after.script - before.script) / steps,
    };
  };

  const pane = await canvasPane(page).boundingBox();
  if (!pane) throw new Error('the canvas is not visible');
  // Drag the node nearest the middle of the view (a 300-node journey does not fit even at the least zoom),
  // then pan from the empty canvas below the nodes.
  const middle = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  const nodeId = await canvasNodes(page).evaluateAll((cards, { x, y }) => {
    const distance = (card: Element) => {
      const box = card.getBoundingClientRect();
      return Math.hypot(box.x + box.width / 2 - x, box.y + box.height / 2 - y);
    };
    const nearest = cards.reduce((best, card) => (distance(card) < distance(best) ? card : best));
    return nearest.getAttribute('data-id') ?? '';
  }, middle);
  const node = await nodeOnCanvas(page, nodeId).boundingBox();
  if (!node) throw new Error(`node ${nodeId} is not visible`);
  const drag = await stepped(DRAG_STEPS, { x: node.x + node.width / 2, y: node.y + node.height / 2 }, 3);
  const dragged = await nodeOnCanvas(page, nodeId).boundingBox();
  if (!dragged || dragged.x <= node.x)
    throw new Error(`dragging did not move node ${nodeId}: the figures would be wrong`);
  const pan = await stepped(PAN_STEPS, { x: pane.x + 40, y: pane.y + pane.height - 60 }, 4);
  await cdp.detach();
  return { openMs, pan, drag };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

it(`opens, pans and drags on a ${LARGE}-node journey, against a ${SMALL}-node one`, async () => {
  const session = await browser.session('bench-canvas');
  const small = await measure(session.page, session.open, chainJourney(SMALL));
  const large = await measure(session.page, session.open, chainJourney(LARGE));
  await session.step(`${LARGE} nodes after panning and dragging`);

  const gestureRows = (name: string, key: 'pan' | 'drag') =>
    [
      [`${name} step wall p50`, percentile(small[key].wallMs, 50), percentile(large[key].wallMs, 50)],
      [`${name} step wall p95`, percentile(small[key].wallMs, 95), percentile(large[key].wallMs, 95)],
      [`${name} main thread/step`, small[key].taskMsPerStep, large[key].taskMsPerStep],
      [`${name} script/step`, small[key].scriptMsPerStep, large[key].scriptMsPerStep],
    ] as const;
  const rows = [
    ['open until painted', small.openMs, large.openMs],
    ...gestureRows('pan', 'pan'),
    ...gestureRows('drag', 'drag'),
  ] as const;
  console.log(`\nCanvas (Chromium, headless, software rendering; a step = one mouse move until painted)`);
  console.log(`${'measure'.padEnd(24)}${`${SMALL} nodes`.padStart(12)}${`${LARGE} nodes`.padStart(12)}  ratio`);
  for (const [name, smallValue, largeValue] of rows) {
    console.log(
      `${name.padEnd(24)}${ms(smallValue).padStart(12)}${ms(largeValue).padStart(12)}  ×${(largeValue / smallValue).toFixed(2)}`,
    );
  }
});
