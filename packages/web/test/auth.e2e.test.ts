import { describe, expect, it } from 'vitest';
import { newPage, screenshot, useAppUnderTest } from './harness';

describe('signing up and in with BLOCKLOOM_AUTH=local (real server, Chromium)', () => {
  const app = useAppUnderTest({ BLOCKLOOM_AUTH: 'local' });

  it('sends a visitor to sign-in, creates an account, signs out and signs back in', async () => {
    const { page, context, errors } = await newPage(app.browser);
    await page.goto(`${app.server.url}/library`);
    await page.waitForURL(/\/login\?next=%2Flibrary/);
    await page.getByRole('heading', { name: 'Sign in to Blockloom' }).waitFor();
    await screenshot(page, 'auth-login');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL(/\/signup/);
    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    // The browser's own validation keeps a too-short password from being sent.
    expect(page.url()).toContain('/signup');
    await page.getByLabel('Password').fill('correct horse battery');
    await screenshot(page, 'auth-signup');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/library$/);
    await page.getByTestId('user-email').waitFor();
    expect(await page.getByTestId('user-email').textContent()).toBe('ada@example.com');
    await page.getByTestId('new-agent').waitFor();
    await screenshot(page, 'auth-library-after-signup');

    // The session survives a reload (tokens are kept), and ends with "Sign out".
    await page.reload();
    await page.getByTestId('user-email').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);

    await page.getByLabel('Email').fill('ada@example.com');
    await page.getByLabel('Password').fill('wrong password!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Invalid email or password' }).waitFor();
    await screenshot(page, 'auth-login-refused');

    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/library$/);
    expect(await page.getByTestId('user-email').textContent()).toBe('ada@example.com');
    // A refused sign-in logs a 401 in the console; nothing else may fail on the page.
    expect(errors.filter((error) => !error.includes('401'))).toEqual([]);
    await context.close();
  });
});
