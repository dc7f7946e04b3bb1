import { CURRENT_SCHEMA_VERSION, type JourneyDocument } from '@journey/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useJourneyStore } from '../store/journeyStore';
import { fakeRuntime, journeyRecord, renderApp } from '../test/runtime';

const welcome: JourneyDocument = {
  schemaVersion: CURRENT_SCHEMA_VERSION,
  id: 'welcome',
  name: 'Welcome',
  settings: { reentry: 'never', timezone: 'Asia/Shanghai' },
  nodes: [
    { id: 'start', type: 'trigger', position: { x: 0, y: 0 }, config: { kind: 'event', event: 'card_activated' } },
    { id: 'cool', type: 'wait', label: 'Cooling-off', position: { x: 300, y: 0 }, config: { duration: 'P1D' } },
    {
      id: 'hello',
      type: 'message',
      position: { x: 600, y: 0 },
      config: { channel: 'sms', template: { body: 'Hi {{profile.name}}, welcome aboard' } },
    },
    { id: 'done', type: 'exit', position: { x: 900, y: 0 }, config: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'cool' },
    { id: 'e2', source: 'cool', sourceHandle: 'next', target: 'hello' },
    { id: 'e3', source: 'hello', sourceHandle: 'sent', target: 'done' },
  ],
};

describe('simulate panel', () => {
  it('steps the sample customer through the draft, marking the canvas, outside the undo history', async () => {
    const runtime = fakeRuntime({ 'GET /v1/journeys/welcome': { body: journeyRecord(welcome) } });
    renderApp('/journeys/welcome');
    await userEvent.click(await screen.findByRole('tab', { name: 'Simulate' }));
    const panel = screen.getByRole('tabpanel');
    expect((within(panel).getByRole('textbox', { name: 'Customer id' }) as HTMLInputElement).value).toBe(
      'test-customer',
    );
    await userEvent.click(within(panel).getByRole('button', { name: 'Enter journey' }));

    expect(within(panel).getByText('Waiting at Cooling-off')).toBeTruthy();
    expect(screen.getByTestId('node-cool').className).toContain('simulation-current');
    expect(screen.getByTestId('node-cool').textContent).toContain('Test customer is here');
    expect(within(panel).getByText('Entered on “card_activated”')).toBeTruthy();

    await userEvent.click(within(panel).getByRole('button', { name: '+1 day' }));
    expect(within(panel).getByText('The wait at Cooling-off ended')).toBeTruthy();
    expect(within(panel).getByText('Hi Alex Chen, welcome aboard')).toBeTruthy();
    expect(within(panel).getByText('Finished at Exit')).toBeTruthy();
    expect(screen.getByTestId('node-cool').className).toContain('simulation-visited');
    expect(screen.getByTestId('node-done').className).toContain('simulation-current');

    expect(useJourneyStore.temporal.getState().pastStates).toHaveLength(0);
    expect(runtime.calls.filter((call) => call.method !== 'GET')).toEqual([]);

    await userEvent.click(within(panel).getByRole('button', { name: 'Reset' }));
    expect(screen.getByTestId('node-done').className).not.toContain('simulation');
    expect(within(panel).getByRole('button', { name: 'Enter journey' })).toBeTruthy();
  });

  it('asks for the outcome of a message whose failure is handled', async () => {
    const withFallback: JourneyDocument = {
      ...welcome,
      nodes: [
        ...welcome.nodes,
        { id: 'branch', type: 'exit', label: 'Call instead', position: { x: 900, y: 200 }, config: {} },
      ],
      edges: [...welcome.edges, { id: 'e4', source: 'hello', sourceHandle: 'failed', target: 'branch' }],
    };
    fakeRuntime({ 'GET /v1/journeys/welcome': { body: journeyRecord(withFallback) } });
    renderApp('/journeys/welcome');
    await userEvent.click(await screen.findByRole('tab', { name: 'Simulate' }));
    const panel = screen.getByRole('tabpanel');
    await userEvent.click(within(panel).getByRole('button', { name: 'Enter journey' }));
    await userEvent.click(within(panel).getByRole('button', { name: /^Skip to the next timer/ }));
    expect(within(panel).getByText('What happened at Message?')).toBeTruthy();
    await userEvent.click(within(panel).getByRole('button', { name: 'Failed' }));
    expect(within(panel).getByText('Finished at Call instead')).toBeTruthy();
  });
});
