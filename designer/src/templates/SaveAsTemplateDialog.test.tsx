import type { TemplateSummary } from '@journey/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallJourney } from '../test/fixtures';
import { fakeRuntime, journeyRecord, type Routes, renderApp } from '../test/runtime';

const journey = smallJourney();
const detail = (body: unknown) => ({ ...(body as object), id: 'x', updatedAt: '2026-01-05T03:00:00.000Z' });

/** Typing key by key is slow; pasting is what a user with the text at hand does. */
async function replaceText(field: HTMLElement, text: string) {
  await userEvent.clear(field);
  await userEvent.paste(text);
}

async function openMoreActions() {
  await userEvent.click(await screen.findByRole('button', { name: 'More actions' }));
}

/** The editor on the small journey (trigger on card_activated → wait 1 day → split → SMS), with "Save as template…" open. */
async function saveAsTemplate(routes: Routes = {}) {
  const runtime = fakeRuntime({
    [`GET /v1/journeys/${journey.id}`]: { body: journeyRecord(journey) },
    'GET /v1/templates': { body: { templates: [] } },
    ...routes,
  });
  renderApp(`/journeys/${journey.id}`);
  await openMoreActions();
  await userEvent.click(screen.getByRole('menuitem', { name: 'Save as template…' }));
  return { runtime, dialog: screen.getByRole('dialog', { name: 'Save as template' }) };
}

// The editor is a lazy chunk; loading it once here keeps its first compile out of the tests' time limits.
beforeAll(() => import('../editor/EditorPage'), 30_000);

describe('save as template', () => {
  it('offers the journey’s values as questions and saves the ticked ones with their wording', async () => {
    const { runtime, dialog } = await saveAsTemplate({
      'PUT /v1/templates/card-activation-welcome': (body) => ({ status: 201, body: detail(body) }),
    });
    const name = within(dialog).getByRole('textbox', { name: 'Template name' });
    expect((name as HTMLInputElement).value).toBe('Test journey');
    await replaceText(name, 'Card activation welcome');
    await replaceText(within(dialog).getByRole('combobox', { name: 'Category' }), 'Credit cards');
    await replaceText(within(dialog).getByRole('textbox', { name: 'Description' }), 'Greets new cardholders.');
    // Every suggestion is asked by default, showing what this journey uses now.
    const asked = within(dialog).getAllByRole<HTMLInputElement>('checkbox');
    expect(asked.map((box) => [box.getAttribute('aria-label'), box.checked])).toEqual([
      ['Ask “Event of "start"”', true],
      ['Ask “Wait of "pause"”', true],
      ['Ask “Text of "hello"”', true],
    ]);
    expect(within(dialog).getByText('Text: Hi {{profile.name}}')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Ask “Wait of "pause"”' }));
    const wording = within(dialog).getByRole('textbox', { name: 'Wording of “Event of "start"”' });
    await replaceText(wording, 'Event when the card is activated');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save template' }));

    expect(await screen.findByText('Saved template “Card activation welcome”')).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Save as template' })).toBeNull();
    const [saved] = runtime.callsTo('PUT', '/v1/templates/card-activation-welcome').map((call) => call.body);
    expect(saved).toEqual({
      name: 'Card activation welcome',
      category: 'Credit cards',
      description: 'Greets new cardholders.',
      parameters: [
        {
          key: 'cardActivatedEvent',
          label: 'Event when the card is activated',
          kind: 'event',
          targets: ['nodes.start.config.event'],
        },
        { key: 'helloText', label: 'Text of "hello"', kind: 'text', targets: ['nodes.hello.config.template.body'] },
      ],
      document: journey,
    });
  });

  it('asks before replacing a template of the same id, and can save a new one instead', async () => {
    const existing: TemplateSummary = {
      id: 'test-journey',
      name: 'Test journey',
      nodeCount: 5,
      parameters: [],
      updatedAt: '2026-01-05T02:00:00.000Z',
    };
    const { runtime, dialog } = await saveAsTemplate({
      'GET /v1/templates': { body: { templates: [existing] } },
      'PUT /v1/templates/test-journey-1': (body) => ({ status: 201, body: detail(body) }),
    });
    const save = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save template' });
    // Whether the id is taken is known once the templates are in.
    await waitFor(() => expect(save.disabled).toBe(false));
    await userEvent.click(save);
    expect(
      within(dialog).getByText(/There is already a template “Test journey” with the id test-journey/),
    ).toBeTruthy();
    expect(runtime.calls.filter((call) => call.method === 'PUT' && call.path.startsWith('/v1/templates'))).toEqual([]);
    expect(within(dialog).getByRole('button', { name: 'Replace it' })).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save as a new template' }));
    expect(await screen.findByText('Saved template “Test journey”')).toBeTruthy();
    expect(runtime.callsTo('PUT', '/v1/templates/test-journey-1')).toHaveLength(1);
    expect(runtime.callsTo('PUT', '/v1/templates/test-journey')).toHaveLength(0);
  });

  it('shows the runtime’s refusal in the dialog', async () => {
    const { dialog } = await saveAsTemplate({
      'PUT /v1/templates/test-journey': {
        status: 400,
        body: {
          error: 'Bad Request',
          message: 'The template is not valid',
          issues: [{ path: 'parameters.1.targets.0', message: '"nodes.pause.config.duration" holds 1, not a string' }],
        },
      },
    });
    const save = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Save template' });
    await waitFor(() => expect(save.disabled).toBe(false));
    await userEvent.click(save);
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The template could not be saved');
    expect(within(alert).getByText('parameters.1.targets.0').parentElement?.textContent).toContain('holds 1');
  });

  it('is not offered to someone who may not edit', async () => {
    fakeRuntime({
      [`GET /v1/journeys/${journey.id}`]: { body: journeyRecord(journey) },
      'GET /v1/auth/me': { body: { name: 'Sam', role: 'supervisor' } },
    });
    renderApp(`/journeys/${journey.id}`);
    await openMoreActions();
    expect(screen.getByRole('menuitem', { name: 'Export JSON' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'Save as template…' })).toBeNull();
  });
});
