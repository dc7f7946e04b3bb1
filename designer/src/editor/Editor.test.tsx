import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n';
import { exampleJourney } from '../store/exampleJourney';
import { useJourneyStore } from '../store/journeyStore';
import { smallJourney } from '../test/fixtures';
import { fakeRuntime, journeyRecord, renderApp } from '../test/runtime';

const store = () => useJourneyStore.getState();

/** Opens the editor on `document`, as the runtime would serve it. */
async function openEditor(document = exampleJourney) {
  const runtime = fakeRuntime({
    [`GET /v1/journeys/${document.id}`]: { body: journeyRecord(document) },
    [`PUT /v1/journeys/${document.id}`]: (body) => ({ body: journeyRecord(body as typeof document) }),
  });
  renderApp(`/journeys/${document.id}`);
  await screen.findByRole('heading', { name: document.name, level: 1 });
  return runtime;
}

afterEach(() => setLocale('en'));

describe('editor', () => {
  it('loads the draft from the runtime: top bar, palette, every node and the settings', async () => {
    await openEditor();
    expect(store().document).toEqual(exampleJourney);
    expect(screen.getByText('Draft')).toBeTruthy();
    expect(screen.getByText('Saved')).toBeTruthy();
    for (const label of ['Trigger', 'Wait for event', 'A/B split', 'Benefit', 'Exit']) {
      expect(screen.getByRole('button', { name: new RegExp(`^${label}`) })).toBeTruthy();
    }
    for (const node of exampleJourney.nodes) expect(screen.getByTestId(`node-${node.id}`)).toBeTruthy();
    expect(screen.getByText('None: ready to publish')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Journey settings' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Monitor' }).getAttribute('href')).toBe('#/journeys/card-welcome/monitor');
  });

  it('folds the palette to icons, which adds steps just the same, and remembers it', async () => {
    await openEditor();
    const palette = screen.getByRole('navigation', { name: 'Steps' });
    await userEvent.click(screen.getByRole('button', { name: 'Show icons only' }));
    expect(palette.classList.contains('compact')).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: /^Wait for event/ }));
    expect(store().document.nodes.filter((node) => node.type === 'waitForEvent')).toHaveLength(
      exampleJourney.nodes.filter((node) => node.type === 'waitForEvent').length + 1,
    );
    cleanup();
    await openEditor();
    expect(screen.getByRole('navigation', { name: 'Steps' }).classList.contains('compact')).toBe(true);
    expect(screen.getByRole('button', { name: 'Show icons only' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('folds the side panel away, and opens it on the inspector when a node is selected', async () => {
    await openEditor();
    await userEvent.click(screen.getByRole('tab', { name: 'Versions' }));
    await userEvent.click(screen.getByRole('button', { name: 'Hide the side panel' }));
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.getByRole('complementary', { name: 'Side panel (folded)' })).toBeTruthy();
    cleanup();
    await openEditor();
    expect(screen.queryByRole('tablist')).toBeNull();
    act(() => store().select([exampleJourney.nodes[1]?.id ?? '']));
    expect(screen.getByRole('tab', { name: 'Inspector' }).getAttribute('aria-selected')).toBe('true');
  });

  it('says when the journey does not exist', async () => {
    fakeRuntime({});
    renderApp('/journeys/nope');
    expect(await screen.findByRole('heading', { name: 'This journey does not exist' })).toBeTruthy();
    expect(screen.getByText('No route /v1/journeys/nope')).toBeTruthy();
  });

  it('blocks publishing while there are errors and lists them', async () => {
    const broken = smallJourney();
    broken.edges = broken.edges.filter((edge) => edge.id !== 'e4');
    await openEditor(broken);
    const publish = screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement;
    expect(publish.disabled).toBe(true);
    expect(publish.parentElement?.title).toMatch(/^\d+ problems? to fix$/);
    const badge = screen.getByTestId('node-ab').querySelector('.problem-badge');
    expect(badge?.getAttribute('title')).toMatch(/A\/B split/);
    await userEvent.click(screen.getAllByRole('button', { name: /A\/B split/ }).at(-1) as HTMLElement);
    expect(store().selectedNodeIds).toEqual(['ab']);
  });

  it('adds a node from the palette by click and undoes it with Ctrl+Z', async () => {
    await openEditor();
    await userEvent.click(screen.getByRole('button', { name: /^Benefit/ }));
    expect(store().document.nodes.at(-1)?.type).toBe('benefit');
    expect(screen.getByRole('heading', { name: 'Benefit' })).toBeTruthy();
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(store().document).toEqual(exampleJourney);
  });

  it('deletes the selection with the Delete key but not while typing in a field', async () => {
    await openEditor();
    store().select(['wait-1']);
    fireEvent.keyDown(await screen.findByRole('textbox', { name: 'Label' }), { key: 'Delete' });
    expect(store().document.nodes).toHaveLength(exampleJourney.nodes.length);
    fireEvent.keyDown(window, { key: 'Delete' });
    expect(store().document.nodes.map((node) => node.id)).not.toContain('wait-1');
  });

  it('still renders a document with a broken config and an unknown node type', async () => {
    const odd = smallJourney();
    odd.nodes = odd.nodes.map((node) => (node.id === 'pause' ? { ...node, config: {} } : node));
    odd.nodes.push({ id: 'legacy', type: 'fax', position: { x: 0, y: 300 }, config: {} });
    await openEditor(odd);
    // React reports the error the form boundary catches; that report is expected here.
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    store().select(['pause']);
    expect(await screen.findByText(/cannot be edited here/)).toBeTruthy();
    reported.mockRestore();
    expect(screen.getByTestId('node-legacy').textContent).toContain('fax');
    expect((screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('switches the language and remembers it', async () => {
    await openEditor();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    expect(screen.getByRole('button', { name: '发布' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^触发/ })).toBeTruthy();
    expect(screen.getByText('已保存')).toBeTruthy();
    expect(localStorage.getItem('journey.locale')).toBe('zh-CN');
  });
});
