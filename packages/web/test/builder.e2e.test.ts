import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { newPage, screenshot, useAppUnderTest } from './harness';

/** Drags a block from the palette onto the canvas and returns its node. */
async function dragBlock(page: Page, name: string, at: { x: number; y: number }): Promise<Locator> {
  const block = page.locator(`[data-testid="palette-block"][data-block-name="${name}"]`);
  await block.scrollIntoViewIfNeeded();
  await block.dragTo(page.getByTestId('canvas'), { targetPosition: at });
  const node = page.locator(`[data-testid="node"][data-block-name="${name}"]`).last();
  await node.waitFor();
  return node;
}

/** Presses on an output pin and releases on an input pin, as a user connects them. */
async function connect(
  page: Page,
  [from, outPin]: [Locator, string],
  [to, inPin]: [Locator, string],
): Promise<void> {
  const source = await from.getByTestId(`pin-out-${outPin}`).boundingBox();
  const target = await to.getByTestId(`pin-in-${inPin}`).boundingBox();
  if (!source || !target) throw new Error(`pin ${outPin} or ${inPin} is not on screen`);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 10 });
  await page.mouse.up();
}

describe('the builder (real server, Chromium)', () => {
  const app = useAppUnderTest();

  it('builds the calculator agent from the palette, saves it, runs it with Input=8 and shows 42', async () => {
    const { page, context, errors } = await newPage(app.browser);
    await page.goto(`${app.server.url}/build`);
    await page.getByTestId('palette-search').waitFor();
    await screenshot(page, 'builder-empty');

    const input = await dragBlock(page, 'AgentInputBlock', { x: 200, y: 150 });
    const calculator = await dragBlock(page, 'CalculatorBlock', { x: 520, y: 150 });
    const output = await dragBlock(page, 'AgentOutputBlock', { x: 840, y: 150 });
    const builder = page.getByTestId('builder');
    expect(await builder.getAttribute('data-node-count')).toBe('3');

    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(400);
    await connect(page, [input, 'result'], [calculator, 'a']);
    await connect(page, [calculator, 'result'], [output, 'value']);
    expect(await builder.getAttribute('data-link-count')).toBe('2');

    // A link the pin types refuse is not made, and the reason is shown.
    await connect(page, [calculator, 'result'], [calculator, 'round_result']);
    await page.getByTestId('toast').filter({ hasText: 'Cannot connect' }).waitFor();
    expect(await builder.getAttribute('data-link-count')).toBe('2');

    await input.getByLabel('Name', { exact: true }).fill('Input');
    await output.getByLabel('Name', { exact: true }).fill('Output');
    await calculator.getByLabel('B', { exact: true }).fill('34');
    await calculator.getByLabel('Operation').selectOption('Add');
    await page.getByLabel('Agent name').fill('Calculator agent');
    await expect.poll(() => page.getByTestId('issues-count').textContent()).toBe('0');
    await screenshot(page, 'builder-calculator-wired');

    await page.getByTestId('save-button').click();
    await page.waitForURL(/flowID=/);
    const graphId = new URL(page.url()).searchParams.get('flowID');
    const saved = (await (await fetch(`${app.server.url}/api/graphs/${graphId}`)).json()) as {
      name: string;
      version: number;
      links: { source_name: string; sink_name: string }[];
    };
    expect(saved.name).toBe('Calculator agent');
    expect(saved.links.map((link) => `${link.source_name}->${link.sink_name}`).sort()).toEqual([
      'result->a',
      'result->value',
    ]);
    await screenshot(page, 'builder-calculator-saved');

    await page.getByTestId('run-button').click();
    const dialog = page.getByTestId('run-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Input').fill('8');
    await screenshot(page, 'builder-run-dialog');
    await page.getByTestId('run-dialog-submit').click();
    await page.locator('[data-testid="run-status"][data-status="COMPLETED"]').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => output.locator('[data-testid="node-output-preview"][data-pin="output"]').textContent())
      .toBe('42');
    await screenshot(page, 'builder-calculator-ran');

    // The run's page shows the same result, from the stored record.
    const execId = new URL(page.url()).searchParams.get('execID');
    expect(execId).toBeTruthy();
    await page.goto(`${app.server.url}/runs/${graphId}/${execId}`);
    await page.locator('[data-testid="run-status"][data-status="COMPLETED"]').waitFor();
    await page.locator('[data-testid="run-output"][data-name="Output"]').filter({ hasText: '42' }).waitFor();
    expect(await page.getByTestId('node-exec-row').count()).toBe(3);
    await screenshot(page, 'run-page-calculator');

    await page.goto(`${app.server.url}/runs`);
    await page.locator('[data-testid="run-row"][data-status="COMPLETED"]').first().waitFor();
    await screenshot(page, 'runs-history');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a validation issue on the node whose link was removed', async () => {
    const calculatorAgent = {
      name: 'Calculator agent',
      description: '',
      nodes: [
        {
          id: 'in',
          block_id: 'c0a8e994-ebf1-4a9c-a4d8-89d09c86741b',
          input_default: { name: 'Input' },
          metadata: { position: { x: 0, y: 0 } },
        },
        {
          id: 'calc',
          block_id: 'b1ab9b19-67a6-406d-abf5-2dba76d00c79',
          input_default: { operation: 'Add', b: 34 },
          metadata: { position: { x: 400, y: 0 } },
        },
        {
          id: 'out',
          block_id: '363ae599-353e-4804-937e-b2ee3cef3da4',
          input_default: { name: 'Output' },
          metadata: { position: { x: 800, y: 0 } },
        },
      ],
      links: [
        { source_id: 'in', sink_id: 'calc', source_name: 'result', sink_name: 'a' },
        { source_id: 'calc', sink_id: 'out', source_name: 'result', sink_name: 'value' },
      ],
    };
    const created = (await (
      await fetch(`${app.server.url}/api/graphs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ graph: calculatorAgent, source: 'upload' }),
      })
    ).json()) as { id: string; links: { id: string; sink_name: string }[] };

    const { page, context } = await newPage(app.browser);
    await page.goto(`${app.server.url}/build?flowID=${created.id}`);
    const builder = page.getByTestId('builder');
    await page.locator('[data-testid="node"]').first().waitFor();
    expect(await builder.getAttribute('data-link-count')).toBe('2');
    const calculator = page.locator('[data-testid="node"][data-block-name="CalculatorBlock"]');
    expect(await calculator.getByTestId('node-issue').count()).toBe(0);

    // Select the link into the calculator's `a` and delete it with the keyboard.
    const intoA = created.links.find((link) => link.sink_name === 'a');
    if (!intoA) throw new Error('the imported agent has no link into a');
    await page.getByTestId(`rf__edge-${intoA.id}`).click();
    await page.keyboard.press('Delete');
    await expect.poll(() => builder.getAttribute('data-link-count')).toBe('1');

    await calculator.getByTestId('node-issue').first().waitFor();
    expect(await calculator.getByTestId('node-issue').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/\bA\b|\ba\b/)]),
    );
    await screenshot(page, 'builder-link-removed-issue');

    // Undo brings the link back and the issue goes away.
    await page.keyboard.press('Control+z');
    await expect.poll(() => builder.getAttribute('data-link-count')).toBe('2');
    await expect.poll(() => calculator.getByTestId('node-issue').count()).toBe(0);
    await context.close();
  });
});
