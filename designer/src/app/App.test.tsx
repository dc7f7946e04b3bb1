import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../i18n';
import { exampleJourney } from '../store/exampleJourney';
import { useJourneyStore } from '../store/journeyStore';
import { smallJourney } from '../test/fixtures';
import { App } from './App';

const store = () => useJourneyStore.getState();

beforeEach(() => store().load(exampleJourney));
afterEach(() => setLocale('en'));

describe('app shell', () => {
  it('shows the top bar, the palette, every node and the settings', () => {
    render(<App onPublish={() => {}} />);
    expect(screen.getByText('Journey')).toBeTruthy();
    expect(screen.getByRole('heading', { name: exampleJourney.name, level: 1 })).toBeTruthy();
    for (const label of ['Trigger', 'Wait for event', 'A/B split', 'Benefit', 'Exit']) {
      expect(screen.getByRole('button', { name: new RegExp(`^${label}`) })).toBeTruthy();
    }
    for (const node of exampleJourney.nodes) expect(screen.getByTestId(`node-${node.id}`)).toBeTruthy();
    expect(screen.getByText('None: ready to publish')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Journey settings' })).toBeTruthy();
  });

  it('publishes a valid journey', async () => {
    const onPublish = vi.fn();
    render(<App onPublish={onPublish} />);
    await userEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(onPublish).toHaveBeenCalledWith(exampleJourney);
  });

  it('blocks publishing while there are errors and lists them', async () => {
    const broken = smallJourney();
    broken.edges = broken.edges.filter((edge) => edge.id !== 'e4');
    store().load(broken);
    render(<App onPublish={() => {}} />);
    const publish = screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement;
    expect(publish.disabled).toBe(true);
    expect(publish.parentElement?.title).toMatch(/^\d+ problems? to fix$/);
    const badge = screen.getByTestId('node-ab').querySelector('.problem-badge');
    expect(badge?.getAttribute('title')).toMatch(/A\/B split/);
    await userEvent.click(screen.getAllByRole('button', { name: /A\/B split/ }).at(-1) as HTMLElement);
    expect(store().selectedNodeIds).toEqual(['ab']);
  });

  it('adds a node from the palette by click and undoes it with Ctrl+Z', async () => {
    render(<App onPublish={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: /^Benefit/ }));
    expect(store().document.nodes.at(-1)?.type).toBe('benefit');
    expect(screen.getByRole('heading', { name: 'Benefit' })).toBeTruthy();
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(store().document).toBe(exampleJourney);
  });

  it('deletes the selection with the Delete key but not while typing in a field', () => {
    store().select(['wait-1']);
    render(<App onPublish={() => {}} />);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Label' }), { key: 'Delete' });
    expect(store().document.nodes).toHaveLength(exampleJourney.nodes.length);
    fireEvent.keyDown(window, { key: 'Delete' });
    expect(store().document.nodes.map((node) => node.id)).not.toContain('wait-1');
  });

  it('still renders a document with a broken config and an unknown node type', () => {
    const odd = smallJourney();
    odd.nodes = odd.nodes.map((node) => (node.id === 'pause' ? { ...node, config: {} } : node));
    odd.nodes.push({ id: 'legacy', type: 'fax', position: { x: 0, y: 300 }, config: {} });
    store().load(odd);
    store().select(['pause']);
    // React reports the error the form boundary catches; that report is expected here.
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<App onPublish={() => {}} />);
    reported.mockRestore();
    expect(screen.getByTestId('node-legacy').textContent).toContain('fax');
    expect(screen.getByText(/cannot be edited here/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Publish' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('switches the language and remembers it', async () => {
    render(<App onPublish={() => {}} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    expect(screen.getByRole('button', { name: '发布' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^触发/ })).toBeTruthy();
    expect(localStorage.getItem('journey.locale')).toBe('zh-CN');
  });
});
