/**
 * Builder responsiveness on a large graph: imports a 500-node agent into a real server, opens it in the
 * builder in Debian's Chromium (headless, software rendering) and records the time between animation frames
 * while a node is dragged and while the canvas is panned.
 *
 *   npm run bench:web [-- --nodes 500]
 */
import { ensureWebBuilt } from '../test/build';
import { launchBrowser, newPage, startServer } from '../test/harness';

const nodesArg = process.argv.indexOf('--nodes');
const nodeCount = nodesArg > 0 ? Number(process.argv[nodesArg + 1]) : 500;
const CALCULATOR = 'b1ab9b19-67a6-406d-abf5-2dba76d00c79';

/** A grid of calculator nodes, each adding 1 to the previous one's result: `nodeCount` nodes, n-1 links. */
function largeGraph(count: number) {
  const columns = 25;
  const nodes = Array.from({ length: count }, (_, index) => ({
    id: `node-${index}`,
    block_id: CALCULATOR,
    input_default: { operation: 'Add', a: index === 0 ? 1 : 0, b: 1, round_result: false },
    metadata: { position: { x: (index % columns) * 360, y: Math.floor(index / columns) * 420 } },
  }));
  const links = nodes.slice(1).map((node, index) => ({
    source_id: `node-${index}`,
    sink_id: node.id,
    source_name: 'result',
    sink_name: 'a',
    is_static: false,
  }));
  return {
    name: `Benchmark ${count} nodes`,
    description: 'A large graph for the builder benchmark',
    nodes,
    links,
  };
}

function summarise(frames: number[]) {
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = frames.reduce((sum, value) => sum + value, 0) / Math.max(1, frames.length);
  return {
    frames: frames.length,
    mean_ms: +mean.toFixed(1),
    p50_ms: +at(0.5).toFixed(1),
    p95_ms: +at(0.95).toFixed(1),
    max_ms: +(sorted.at(-1) ?? 0).toFixed(1),
    fps: +(1000 / mean).toFixed(1),
  };
}

await ensureWebBuilt();
const server = await startServer();
const { browser, close } = await launchBrowser();
try {
  const created = await fetch(`${server.url}/api/graphs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ graph: largeGraph(nodeCount), source: 'upload' }),
  });
  if (!created.ok) throw new Error(`import failed: ${created.status} ${await created.text()}`);
  const graph = (await created.json()) as { id: string };

  const { page } = await newPage(browser);
  const started = Date.now();
  await page.goto(`${server.url}/build?flowID=${graph.id}`);
  await page.locator('[data-testid="node"]').first().waitFor();
  const loadMs = Date.now() - started;

  // Frame intervals measured inside the page while the mouse moves.
  const record = async (action: () => Promise<void>) => {
    await page.evaluate(() => {
      const state = window as unknown as { __frames: number[]; __last: number; __on: boolean };
      state.__frames = [];
      state.__on = true;
      state.__last = performance.now();
      const tick = (now: number) => {
        if (!state.__on) return;
        state.__frames.push(now - state.__last);
        state.__last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await action();
    return page.evaluate(() => {
      const state = window as unknown as { __frames: number[]; __on: boolean };
      state.__on = false;
      return state.__frames.slice(1);
    });
  };

  const header = page.locator('[data-testid="node"]').first().locator('header, [data-drag-handle]').first();
  const box =
    (await header.boundingBox()) ?? (await page.locator('[data-testid="node"]').first().boundingBox());
  if (!box) throw new Error('no node on screen');
  const drag = await record(async () => {
    await page.mouse.move(box.x + 40, box.y + 10);
    await page.mouse.down();
    for (let step = 1; step <= 120; step++) await page.mouse.move(box.x + 40 + step * 3, box.y + 10 + step);
    await page.mouse.up();
  });

  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  const pan = await record(async () => {
    // Start on the canvas background near a corner, away from nodes.
    const x = pane.x + pane.width - 30;
    const y = pane.y + pane.height - 30;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let step = 1; step <= 120; step++) await page.mouse.move(x - step * 4, y - step * 2);
    await page.mouse.up();
  });

  const rendered = await page.locator('[data-testid="node"]').count();
  console.log(
    JSON.stringify(
      {
        nodes: nodeCount,
        rendered_nodes: rendered,
        load_ms: loadMs,
        drag: summarise(drag),
        pan: summarise(pan),
      },
      null,
      2,
    ),
  );
} finally {
  await close();
  await server.stop();
}
