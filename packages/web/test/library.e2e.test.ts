import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentsDir, newPage, screenshot, useAppUnderTest } from './harness';

describe('the library (real server, Chromium)', () => {
  const app = useAppUnderTest();

  it('imports financial-advisor.json from the file picker and opens it in the builder', async () => {
    const file = join(agentsDir, 'financial-advisor.json');
    const exported = JSON.parse(await readFile(file, 'utf8')) as { name: string; nodes: unknown[] };
    const { page, context, errors } = await newPage(app.browser);
    await page.goto(`${app.server.url}/`);
    await page.waitForURL(/\/library$/);
    await page.getByTestId('new-agent').waitFor();
    await screenshot(page, 'library-empty');

    await page.getByTestId('import-agent').click();
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-success').waitFor();
    expect(await page.getByTestId('import-success').textContent()).toContain(exported.name);
    await screenshot(page, 'library-import-done');

    await page.getByTestId('import-open').click();
    await page.waitForURL(/\/build\?flowID=/);
    await page.locator('[data-testid="node"]').first().waitFor();
    // Every node of the file is on the canvas (the page holds only those in view: read the builder's count).
    const builder = page.getByTestId('builder');
    expect(await builder.getAttribute('data-node-count')).toBe(String(exported.nodes.length));
    expect(Number(await builder.getAttribute('data-link-count'))).toBeGreaterThan(0);
    await screenshot(page, 'builder-financial-advisor');

    await page.goto(`${app.server.url}/library`);
    await page.getByTestId('agent-row').first().waitFor();
    expect(await page.getByTestId('agent-row').count()).toBe(1);
    await page.getByTestId('library-search').fill('no such agent');
    await page.getByText(/no agent matches/i).waitFor();
    await screenshot(page, 'library-search-empty');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the issues of a file that is not an agent, per node, and imports nothing', async () => {
    const countGraphs = async () =>
      ((await (await fetch(`${app.server.url}/api/graphs`)).json()) as unknown[]).length;
    const before = await countGraphs();
    const { page, context } = await newPage(app.browser);
    await page.goto(`${app.server.url}/library`);
    await page.getByTestId('import-agent').click();
    const broken = {
      name: 'Broken agent',
      description: '',
      nodes: [
        { id: 'n1', block_id: '00000000-0000-4000-8000-000000000000', input_default: {}, metadata: {} },
      ],
      links: [],
    };
    await page.getByTestId('import-file-input').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await page.getByTestId('import-issues').waitFor();
    expect(await page.getByTestId('import-issues').textContent()).toMatch(
      /00000000-0000-4000-8000-000000000000|not (found|installed)/i,
    );
    await screenshot(page, 'library-import-issues');
    expect(await countGraphs()).toBe(before);
    await context.close();
  });
});
