import { expect, it } from 'vitest';
import { useBrowser } from '../src/browser';

const browser = useBrowser();

it('gives a person a key from Settings, shows it once, and revokes it', async () => {
  const session = await browser.session('settings');
  const { page, step } = session;

  // Settings from the header; an administrator lands on people and access.
  await session.open('/');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await page.waitForURL(/#\/settings/);
  const sections = page.getByRole('navigation', { name: 'Settings sections' });
  await sections.getByRole('link', { name: 'People and access' }).click();
  await page.waitForURL(/#\/settings\/access$/);
  await page.getByRole('switch', { name: 'Publishing needs a second person’s approval' }).waitFor();
  await step('people and access');

  // A key for Li Na, a strategist: the role says what she may do.
  await page.getByRole('button', { name: 'New key' }).click();
  const form = page.getByRole('dialog', { name: 'New API key' });
  await form.getByRole('textbox', { name: 'Held by' }).fill('Li Na');
  await form.getByRole('combobox', { name: 'Role' }).selectOption('strategist');
  await form.getByText('publish, pause, resume and archive journeys', { exact: false }).waitFor();
  await step('new key');
  await form.getByRole('button', { name: 'Create key' }).click();

  // The key itself, this once.
  const secret = page.getByRole('dialog', { name: 'Key for Li Na' });
  await secret.getByText('it is shown only this once', { exact: false }).waitFor();
  const key = await secret.getByRole('textbox', { name: 'API key' }).inputValue();
  expect(key).toMatch(/^jk_[A-Za-z0-9_-]{43}$/);
  await step('secret shown once');
  await secret.getByRole('button', { name: 'I have stored the key' }).click();
  await secret.waitFor({ state: 'detached' });
  expect(await page.content()).not.toContain(key);

  const row = page.getByRole('row').filter({ hasText: 'Li Na' });
  await row.getByText('Strategist').waitFor();
  await row.getByText('Active').waitFor();
  await step('key in the table');

  // Revoking asks first; then the row says she is revoked.
  await row.getByRole('button', { name: 'Revoke the key of Li Na' }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke the key of Li Na?' });
  await confirm.getByText('stops working at once', { exact: false }).waitFor();
  await step('confirm revoke');
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await confirm.waitFor({ state: 'detached' });
  await row.getByText('Revoked', { exact: true }).waitFor();
  expect(await row.getByRole('button', { name: 'Revoke the key of Li Na' }).count()).toBe(0);
  await step('key revoked');
  expect(session.pageErrors).toEqual([]);
});
