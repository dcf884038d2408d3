/**
 * The 16 real AutoGPT exports (blocks §3) through parse, validate, computed schemas, import and export.
 * They live beside the repository (`../shared/compat/agents`, as CI lays it out); set
 * BLOCKLOOM_COMPAT_AGENTS to another copy if needed. A missing folder fails the suite rather than skip it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphCredentialsInputSchema } from './credentials-schema';
import { exportGraph } from './export';
import { importGraph } from './import';
import { isRecord, type JsonObject } from './json';
import type { GraphWithSubgraphs } from './model';
import { linkKey, parseGraph, parseGraphJson, type ParseResult } from './parse';
import { graphInputSchema, graphOutputSchema } from './schemas';
import { testRegistry as registry } from './test-blocks';
import { forceStaticLinks, validateGraph } from './validate';

const dir =
  process.env.BLOCKLOOM_COMPAT_AGENTS ?? resolve(import.meta.dirname, '../../../../shared/compat/agents');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort();
const load = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonObject;

function graphOf(result: ParseResult): GraphWithSubgraphs {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.graph;
}
const list = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** Every link the raw file mentions, top-level or inside nodes, by `linkKey`: written independently of parse. */
/** The file's links, with the 2024 CombineTexts pins `inputN` under today's name `input_$_{N-1}` (legacy.ts). */
function rawLinkKeys(raw: JsonObject): Set<string> {
  const links = [
    ...list(raw.links),
    ...list(raw.nodes).flatMap((node) => [...list(node.input_links), ...list(node.output_links)]),
  ];
  const combiners = new Set(
    list(raw.nodes)
      .filter((node) => node.block_id === 'e30a4d42-7b7d-4e6a-b36e-1f9b8e3b7d85')
      .map((node) => node.id),
  );
  const sinkName = (link: JsonObject) => {
    const legacy = /^input(\d+)$/.exec(String(link.sink_name));
    return legacy && combiners.has(link.sink_id) ? `input_$_${Number(legacy[1]) - 1}` : link.sink_name;
  };
  return new Set(
    links.map((link) => JSON.stringify([link.source_id, link.sink_id, link.source_name, sinkName(link)])),
  );
}

const SENSITIVE = /credentials|api_key|password|token|secret/i;

/** Asserts `after` is `before` minus exactly the non-boolean values under sensitive key names, at any depth. */
function expectSecretsStripped(before: JsonObject, after: JsonObject, where: string): void {
  for (const [key, value] of Object.entries(before)) {
    if (SENSITIVE.test(key) && typeof value !== 'boolean') {
      expect(after, `${where}.${key}`).not.toHaveProperty([key]);
    } else if (isRecord(value) && isRecord(after[key])) {
      expectSecretsStripped(value, after[key], `${where}.${key}`);
    } else {
      expect(after[key], `${where}.${key}`).toEqual(value);
    }
  }
  expect(
    Object.keys(after).every((key) => key in before),
    where,
  ).toBe(true);
}

describe(`compat agents in ${dir}`, () => {
  it('finds all 16 files', () => expect(files).toHaveLength(16));

  describe.each(files)('%s', (file) => {
    const raw = load(file);
    const parsed = graphOf(parseGraph(raw));

    it('parses every node and the union of all links', () => {
      expect(parsed.nodes).toHaveLength(list(raw.nodes).length);
      expect(new Set(parsed.links.map(linkKey))).toEqual(rawLinkKeys(raw));
      expect(parsed.links.every((link) => typeof link.is_static === 'boolean')).toBe(true);
    });

    it('validates with only unknown blocks reported', () => {
      const unknown = parsed.nodes.filter((node) => !registry.has(node.block_id));
      const issues = validateGraph(parsed, registry);
      expect(issues.map((issue) => issue.code)).toEqual(unknown.map(() => 'unknown_block'));
      expect(issues.map((issue) => issue.node_id)).toEqual(unknown.map((node) => node.id));
    });

    if (isRecord(raw.input_schema))
      it('computes the stored input and output schemas', () => {
        let input = graphInputSchema(parsed, registry);
        // These two files were saved by a version whose typed text inputs put no type on `value`.
        if (['lifecycle-email-sequence-builder.json', 'win-back-email-writer.json'].includes(file)) {
          input = {
            ...input,
            properties: Object.fromEntries(
              Object.entries(input.properties).map(([k, { anyOf: _a, ...p }]) => [k, p]),
            ),
          };
        }
        expect(input).toEqual(raw.input_schema);
        expect(graphOutputSchema(parsed, registry)).toEqual(raw.output_schema);
      });

    if (isRecord(raw.credentials_input_schema))
      it('computes the stored credentials schema for the blocks it knows', () => {
        const stored = raw.credentials_input_schema as JsonObject;
        const storedProperties = isRecord(stored.properties) ? stored.properties : {};
        const ours = graphCredentialsInputSchema(parsed, registry);
        for (const [key, property] of Object.entries(ours.properties)) {
          const { discriminator_mapping: mapping, ...rest } = property;
          const { discriminator_mapping: storedMapping, ...storedRest } = (storedProperties[key] ??
            {}) as JsonObject;
          expect(rest, key).toEqual(storedRest);
          // Our test LLM block knows a subset of the models; each one maps as AutoGPT's does.
          if (isRecord(mapping)) expect(storedMapping).toMatchObject(mapping);
        }
        if (parsed.nodes.every((node) => registry.has(node.block_id))) {
          expect(Object.keys(ours.properties)).toEqual(Object.keys(storedProperties));
          expect(ours.required).toEqual(stored.required ?? []);
        }
      });

    it('survives import, export for download and a second parse', () => {
      const imported = importGraph(parsed, { userId: 'importer' });
      const exported = exportGraph(imported, registry, { subGraphs: imported.sub_graphs, forExport: true });
      expect(exported.user_id).toBe('');
      expect(exported.nodes.every((node) => node.webhook_id === null && node.graph_id === imported.id)).toBe(
        true,
      );
      const again = graphOf(parseGraphJson(JSON.stringify(exported, null, 2)));

      expect(again.id).toBe(imported.id);
      expect(again.id).not.toBe(parsed.id);
      const { id: _a, nodes: _n, links: _l, sub_graphs: _s, ...meta } = parsed;
      expect(again).toMatchObject(meta);
      expect(again.nodes).toHaveLength(parsed.nodes.length);

      const position = (graph: GraphWithSubgraphs) => new Map(graph.nodes.map((node, i) => [node.id, i]));
      const shape = (graph: GraphWithSubgraphs) => {
        const at = position(graph);
        return new Set(
          graph.links.map((l) =>
            JSON.stringify([
              at.get(l.source_id) ?? l.source_id,
              at.get(l.sink_id) ?? l.sink_id,
              l.source_name,
              l.sink_name,
              l.is_static,
            ]),
          ),
        );
      };
      expect(shape(again)).toEqual(shape(parsed));
      expect(new Set(again.links.map((link) => link.id)).size).toBe(again.links.length);

      parsed.nodes.forEach((node, i) => {
        const after = again.nodes[i];
        expect(after?.id).not.toBe(node.id);
        expect(after?.block_id).toBe(node.block_id);
        expect(after?.metadata).toEqual(node.metadata);
        expectSecretsStripped(node.input_default, after?.input_default ?? {}, `${file} node ${i}`);
      });
    });
  });

  it('drops the api_key strings of the 2024 templates and keeps the rest', () => {
    for (const file of ['financial-advisor.json', 'medium-blogger_v28.json']) {
      const parsed = graphOf(parseGraph(load(file)));
      const exported = exportGraph(parsed, registry, { subGraphs: [], forExport: true });
      const before = parsed.nodes.filter((node) => 'api_key' in node.input_default).length;
      expect(before).toBeGreaterThan(0);
      expect(exported.nodes.filter((node) => 'api_key' in node.input_default)).toEqual([]);
    }
    const discord = exportGraph(graphOf(parseGraph(load('discord-bot-chat-to-llm_v5.json'))), registry, {
      subGraphs: [],
      forExport: true,
    });
    expect(discord.nodes.map((node) => node.input_default)).toContainEqual({
      data: 'DISCORD BOT API KEY HERE',
    });
  });

  it('agrees with the stored is_static flags of current exports, which AutoGPT forced on save', () => {
    for (const file of files.filter((name) => isRecord(load(name).input_schema))) {
      const parsed = graphOf(parseGraph(load(file)));
      const forced = forceStaticLinks(parsed, registry);
      expect(
        forced.links.map((link) => link.is_static),
        file,
      ).toEqual(parsed.links.map((link) => link.is_static));
    }
  });

  it('makes the links of 2024 templates from input blocks static', () => {
    const parsed = graphOf(parseGraph(load('financial-advisor.json')));
    const fromInputs = (graph: GraphWithSubgraphs) =>
      graph.links.filter(
        (link) =>
          registry.get(graph.nodes.find((node) => node.id === link.source_id)?.block_id ?? '')?.type ===
          'Input',
      );
    expect(fromInputs(parsed).map((link) => link.is_static)).toEqual([false, false, false, false, false]);
    expect(fromInputs(forceStaticLinks(parsed, registry)).map((link) => link.is_static)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });
});
