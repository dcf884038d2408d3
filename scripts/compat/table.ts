import { outputLines, preview } from './preview';
import type { CompatRow, RunReport } from './run-agents';

/**
 * The markdown of the agents table in docs/COMPATIBILITY.md, from the rows of `runCompatAgents`. Only
 * stable facts go in (no durations, no ports), so `--check` can compare it with the committed page.
 */

/** Graph outputs; for an agent without output blocks, what its last node (its end) produced. */
function outputsCell(run: RunReport): string {
  const graphOutputs = run.outputSummary;
  if (graphOutputs.length > 0) return graphOutputs.join('<br>');
  const last = run.nodes.at(-1);
  if (!last || run.status !== 'COMPLETED') return '—';
  const produced = outputLines(last.outputs).filter((line) => !line.startsWith('error:'));
  return `no output blocks; ${last.block} gave ${produced.join(', ')}`;
}

function runsCell(row: CompatRow): string {
  const run = row.run;
  if (!run) return row.missingBlocks.length > 0 ? 'no: blocks missing' : 'no: does not validate';
  if (run.status === 'REFUSED') return `no, refused: ${run.reason ?? ''}`;
  const head = run.status === 'COMPLETED' ? `COMPLETED, ${run.nodeRuns} node runs` : `**${run.status}**`;
  const failures = run.failedNodes.map(
    (node) =>
      `${node.block} ${node.nodeId.slice(0, 8)} failed: ${preview(node.error)}` +
      (node.routed ? ' (its `error` pin feeds an output by design)' : ''),
  );
  return [head, ...failures, ...(run.reason ? [run.reason] : [])].join('; ');
}

function validatesCell(row: CompatRow): string {
  if (row.validates) return 'yes';
  if (row.missingBlocks.length > 0) return `no: ${row.missingBlocks.join('; ')}`;
  return `no: ${row.issues.join('; ')}`;
}

export function renderAgentsTable(rows: readonly CompatRow[]): string {
  const lines = [
    '| agent | nodes | parses, round-trips | validates | runs | outputs |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const parsed = !row.parses
      ? `no: ${row.parseError ?? ''}`
      : row.roundTrips
        ? 'yes'
        : `yes, but the round trip fails: ${row.roundTripProblem ?? ''}`;
    const cells = [
      row.file,
      String(row.nodeCount),
      parsed,
      validatesCell(row),
      runsCell(row),
      row.run ? outputsCell(row.run) : '—',
    ];
    lines.push(`| ${cells.map((cell) => cell.replace(/\n/g, ' ')).join(' | ')} |`);
  }
  return lines.join('\n');
}
