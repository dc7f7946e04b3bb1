import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useJourneyStore } from '../store/journeyStore';
import { smallJourney } from '../test/fixtures';
import { Inspector } from './Inspector';

const store = () => useJourneyStore.getState();
const config = (id: string) => store().document.nodes.find((node) => node.id === id)?.config;

beforeEach(() => store().load(smallJourney()));

describe('inspector', () => {
  it('shows the journey settings when nothing is selected', () => {
    render(<Inspector />);
    expect(screen.getByRole('heading', { name: 'Journey settings' })).toBeTruthy();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Test journey');
  });

  it('edits a wait duration as an amount and a unit', async () => {
    const user = userEvent.setup();
    store().select(['pause']);
    render(<Inspector />);
    const amount = screen.getByRole('spinbutton', { name: 'Amount' });
    await user.clear(amount);
    await user.type(amount, '3');
    expect(config('pause')).toEqual({ duration: 'P3D' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Unit' }), 'hours');
    expect(config('pause')).toEqual({ duration: 'PT3H' });
  });

  it('switches a wait to a time of day with weekdays', async () => {
    const user = userEvent.setup();
    store().select(['pause']);
    render(<Inspector />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Wait' }), 'until');
    await user.click(screen.getByRole('checkbox', { name: 'Mon' }));
    await user.click(screen.getByRole('checkbox', { name: 'Fri' }));
    expect(config('pause')).toEqual({ until: { time: '09:00', weekdays: [1, 5] } });
  });

  it('shows the split weights total and warns until it is 100', async () => {
    const user = userEvent.setup();
    store().select(['ab']);
    render(<Inspector />);
    const total = screen.getByRole('status');
    expect(total.textContent).toBe('Total 100%');
    const weightA = screen.getByRole('spinbutton', { name: 'Weight of variant A' });
    await user.clear(weightA);
    await user.type(weightA, '60');
    expect(total.textContent).toBe('Total 110% · weights must add up to 100');
    await user.click(screen.getByRole('button', { name: 'Split evenly' }));
    expect(total.textContent).toBe('Total 100%');
    expect(config('ab')).toEqual({
      variants: [
        { id: 'A', weight: 50 },
        { id: 'B', weight: 50 },
      ],
    });
  });

  it('adds a variant with the next letter, and removing it drops its edge', async () => {
    const user = userEvent.setup();
    store().select(['ab']);
    render(<Inspector />);
    await user.click(screen.getByRole('button', { name: '+ Add variant' }));
    expect(screen.getByRole('textbox', { name: 'Label of variant C' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Remove variant B' }));
    expect(store().document.edges.some((edge) => edge.source === 'ab' && edge.sourceHandle === 'B')).toBe(false);
  });

  it('previews message text with a sample customer and inserts attributes', async () => {
    const user = userEvent.setup();
    store().select(['hello']);
    render(<Inspector />);
    const preview = screen.getByRole('figure');
    expect(within(preview).getByText('Hi Alex Chen')).toBeTruthy();
    const body = screen.getByRole('textbox', { name: 'Text' }) as HTMLTextAreaElement;
    body.setSelectionRange(body.value.length, body.value.length);
    await user.click(screen.getByRole('button', { name: 'cardTier' }));
    expect(config('hello')).toMatchObject({ template: { body: 'Hi {{profile.name}}{{profile.cardTier}}' } });
  });

  it('edits a condition rule', async () => {
    const user = userEvent.setup();
    const id = store().addNode('condition', { x: 0, y: 0 });
    render(<Inspector />);
    const value = screen.getByRole('textbox', { name: 'Value' });
    await user.clear(value);
    await user.type(value, '30');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Operator' }), 'between');
    expect(config(id)).toEqual({
      branches: [{ id: 'yes', label: 'Yes', when: { all: [{ attr: 'age', op: 'between', value: [30, null] }] } }],
    });
  });
});
