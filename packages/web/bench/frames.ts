/**
 * Builder responsiveness on a large graph: imports a 500-node agent into a real server, opens it in the
 * builder in Debian's Chromium (headless, software rendering) and times each pointer move while a node is
 * dragged and while the canvas is panned, with the whole graph in view and at 100% zoom.
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

type Recording = { perMove: number[]; mainThreadMsPerMove: number };

function summarise({ perMove, mainThreadMsPerMove }: Recording) {
  const sorted = [...perMove].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    moves: perMove.length,
    p50_ms: +at(0.5).toFixed(1),
    p95_ms: +at(0.95).toFixed(1),
    max_ms: +(sorted.at(-1) ?? 0).toFixed(1),
    main_thread_ms_per_move: +mainThreadMsPerMove.toFixed(2),
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

  // Per pointer move: the wall time until Chromium has handled it (its input pipeline waits for the frame the
  // move causes), and the renderer's main-thread work (CDP Performance.TaskDuration) spread over the moves.
  // (A requestAnimationFrame loop in the page would be the obvious probe, but it keeps React Flow's d3-drag
  // from seeing the drag in headless Chromium: the node does not move.)
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
  };
  const record = async (moves: (move: (x: number, y: number) => Promise<void>) => Promise<void>) => {
    const perMove: number[] = [];
    const before = await taskSeconds();
    await moves(async (x, y) => {
      const started = performance.now();
      await page.mouse.move(x, y);
      perMove.push(performance.now() - started);
    });
    const mainThreadMs = ((await taskSeconds()) - before) * 1000;
    return { perMove, mainThreadMsPerMove: mainThreadMs / Math.max(1, perMove.length) };
  };

  // Drags a node that is well inside the canvas by its title; returns how far it moved (0: the drag missed).
  const dragNode = async () => {
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no canvas');
    const nodes = page.locator('[data-testid="node"]');
    let picked: { id: string; x: number; y: number } | null = null;
    for (let index = 0; index < Math.min(200, await nodes.count()) && !picked; index++) {
      const node = nodes.nth(index);
      // Compact nodes (zoomed out) may have no title: then their top strip is the handle.
      const title =
        (await node.getByTestId('node-title').count()) > 0
          ? await node.getByTestId('node-title').boundingBox()
          : await node.boundingBox().then((box) => box && { ...box, height: Math.min(box.height, 8) });
      const id = await node.getAttribute('data-node-id');
      if (!title || !id) continue;
      const x = title.x + title.width / 2;
      const y = title.y + title.height / 2;
      // Inside the canvas, clear of its edges and of the controls and minimap along the bottom.
      const inside =
        x > pane.x + 80 && x < pane.x + pane.width - 300 && y > pane.y + 30 && y < pane.y + pane.height - 180;
      if (inside) picked = { id, x, y };
    }
    if (!picked) throw new Error('no node title well inside the canvas');
    const { id, x, y } = picked;
    const selector = `[data-testid="node"][data-node-id="${id}"]`;
    const before = await page.locator(selector).boundingBox();
    await page.mouse.move(x, y);
    await page.mouse.down();
    const frames = await record(async (move) => {
      for (let step = 1; step <= 120; step++) await move(x + step * 2, y + step);
    });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const after = await page.locator(selector).boundingBox();
    const moved = before && after ? Math.round(Math.hypot(after.x - before.x, after.y - before.y)) : 0;
    return { frames, moved };
  };
  const panCanvas = async () => {
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no canvas');
    // From the canvas background at its top edge, away from nodes and the minimap.
    const x = pane.x + pane.width / 2;
    const y = pane.y + 8;
    await page.mouse.move(x, y);
    await page.mouse.down();
    const frames = await record(async (move) => {
      for (let step = 1; step <= 120; step++) await move(x - step * 3, y + step * 2);
    });
    await page.mouse.up();
    return frames;
  };

  // The whole graph in view (nodes drawn compact below 45% zoom)…
  const overview = { drag: await dragNode(), pan: await panCanvas() };
  const renderedOverview = await page.locator('[data-testid="node"]').count();
  // …and at 100% zoom, where nodes show their fields and only those in view are in the page.
  await page.evaluate('document.querySelector(".react-flow__pane").focus()');
  for (let i = 0; i < 12; i++) await page.locator('.react-flow__controls-zoomin').click();
  await page.waitForTimeout(300);
  const zoomed = { drag: await dragNode(), pan: await panCanvas() };
  const renderedZoomed = await page.locator('[data-testid="node"]').count();
  const report = (view: typeof overview, nodesInPage: number) => ({
    nodes_in_page: nodesInPage,
    drag: { ...summarise(view.drag.frames), moved_px: view.drag.moved },
    pan: summarise(view.pan),
  });
  const result = {
    nodes: nodeCount,
    load_ms: loadMs,
    overview: report(overview, renderedOverview),
    zoom_100: report(zoomed, renderedZoomed),
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await close();
  await server.stop();
}
