import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeRuntime, renderApp } from '../test/runtime';

const unauthorized = {
  status: 401,
  body: { error: 'Unauthorized', message: 'Authentication required: send "Authorization: Bearer <API key>" or log in' },
};

describe('signing in', () => {
  it('asks for an API key, opens a session with it, then shows the journeys', async () => {
    let session = false;
    const runtime = fakeRuntime({
      'GET /v1/auth/me': () => (session ? { body: { name: 'Grace Li', role: 'operator' } } : unauthorized),
      'POST /v1/auth/login': (body) => {
        session = (body as { key: string }).key === 'jk_good';
        return session
          ? { body: { name: 'Grace Li', role: 'operator' } }
          : { status: 401, body: { error: 'Unauthorized', message: 'The API key is not valid or was revoked' } };
      },
      'GET /v1/journeys': () => (session ? { body: { journeys: [] } } : unauthorized),
    });
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Sign in to Journey' })).toBeTruthy();
    const key = screen.getByLabelText('API key');
    await userEvent.type(key, 'jk_bad');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The API key is not valid or was revoked');
    await userEvent.clear(key);
    await userEvent.type(key, 'jk_good');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/^No journeys yet/)).toBeTruthy();
    expect(screen.getByText('Grace Li (operator)')).toBeTruthy();
    expect(runtime.callsTo('POST', '/v1/auth/login').map((call) => call.body)).toEqual([
      { key: 'jk_bad' },
      { key: 'jk_good' },
    ]);
  });

  it('asks again over the page when the session ends', async () => {
    let session = true;
    fakeRuntime({
      'GET /v1/auth/me': () => (session ? { body: { name: 'Grace Li', role: 'operator' } } : unauthorized),
      'GET /v1/journeys': () => (session ? { body: { journeys: [] } } : unauthorized),
      'POST /v1/journeys': unauthorized,
    });
    renderApp('/');
    await screen.findByText(/^No journeys yet/);
    session = false;
    await userEvent.click(screen.getByRole('button', { name: 'New journey' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'Payroll offer');
    await userEvent.click(screen.getByRole('button', { name: 'Create and open' }));
    const dialog = await screen.findByRole('dialog', { name: 'Your session has ended: sign in again' });
    expect(within(dialog).getByLabelText('API key')).toBeTruthy();
    // The page stays underneath, with what was typed.
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('Payroll offer');
  });
});
