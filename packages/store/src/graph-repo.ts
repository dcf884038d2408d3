import type { Kysely } from 'kysely';
import type { StoredGraph } from '@blockloom/graph';
import type { GraphStore } from '@blockloom/engine';
import { chunks } from './codec';
import { insertOrConflict } from './errors';
import { graphRow, linkRows, nodeRows, toStoredGraph } from './mappers';
import type { Database, GraphLinkTable, GraphNodeTable, GraphTable } from './schema';
import type { InTransaction } from './transactions';

/**
 * Graph versions: a `graphs` row per version, with its nodes and links as child rows (internals §2.3: each
 * version is a full copy). Versions are immutable apart from `is_active`.
 */

const key = (graphId: string, version: number) => `${version}:${graphId}`;

function groupByVersion<Row extends { graph_id: string; graph_version: number }>(
  rows: Row[],
): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(key(row.graph_id, row.graph_version));
    if (group) group.push(row);
    else groups.set(key(row.graph_id, row.graph_version), [row]);
  }
  return groups;
}

/** Loads the nodes and links of the given versions: two queries per few hundred versions, not two per version. */
async function withParts(db: Kysely<Database>, rows: readonly GraphTable[]): Promise<StoredGraph[]> {
  const nodes: GraphNodeTable[] = [];
  const links: GraphLinkTable[] = [];
  for (const part of chunks(rows, 200)) {
    nodes.push(
      ...(await db
        .selectFrom('graph_nodes')
        .selectAll()
        .where((eb) =>
          eb.or(part.map((g) => eb.and([eb('graph_id', '=', g.id), eb('graph_version', '=', g.version)]))),
        )
        .orderBy('ordinal')
        .execute()),
    );
    links.push(
      ...(await db
        .selectFrom('graph_links')
        .selectAll()
        .where((eb) =>
          eb.or(part.map((g) => eb.and([eb('graph_id', '=', g.id), eb('graph_version', '=', g.version)]))),
        )
        .orderBy('ordinal')
        .execute()),
    );
  }
  const nodesOf = groupByVersion(nodes);
  const linksOf = groupByVersion(links);
  return rows.map((row) =>
    toStoredGraph(
      row,
      nodesOf.get(key(row.id, row.version)) ?? [],
      linksOf.get(key(row.id, row.version)) ?? [],
    ),
  );
}

export function createGraphRepo(inTransaction: InTransaction): GraphStore {
  return {
    createGraph: (graph) =>
      inTransaction(async (tx) => {
        await insertOrConflict(`Graph ${graph.id} version ${graph.version}`, () =>
          tx.insertInto('graphs').values(graphRow(graph)).execute(),
        );
        for (const part of chunks(nodeRows(graph))) await tx.insertInto('graph_nodes').values(part).execute();
        for (const part of chunks(linkRows(graph))) await tx.insertInto('graph_links').values(part).execute();
      }),

    getGraph: (id, options = {}) =>
      inTransaction(async (tx) => {
        let query = tx.selectFrom('graphs').selectAll().where('id', '=', id);
        if (options.userId !== undefined) query = query.where('user_id', '=', options.userId);
        query =
          options.version === undefined
            ? query.orderBy('version', 'desc').limit(1)
            : query.where('version', '=', options.version);
        const row = await query.executeTakeFirst();
        return row && (await withParts(tx, [row]))[0];
      }),

    listGraphVersions: (id, options = {}) =>
      inTransaction(async (tx) => {
        let query = tx.selectFrom('graphs').selectAll().where('id', '=', id);
        if (options.userId !== undefined) query = query.where('user_id', '=', options.userId);
        return withParts(tx, await query.orderBy('version', 'desc').execute());
      }),

    listGraphs: (userId) =>
      inTransaction(async (tx) => {
        const rows = await tx
          .selectFrom('graphs')
          .selectAll()
          .where('user_id', '=', userId)
          .where('is_active', '=', 1)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .execute();
        // setActiveGraphVersion keeps one active version, but createGraph inserts rows as given; should two be
        // active, the higher version stands for the graph.
        const highest = new Map<string, GraphTable>();
        for (const row of rows) {
          const seen = highest.get(row.id);
          if (!seen || row.version > seen.version) highest.set(row.id, row);
        }
        return withParts(
          tx,
          rows.filter((row) => highest.get(row.id) === row),
        );
      }),

    setActiveGraphVersion: (id, version) =>
      inTransaction(async (tx) => {
        const target = await tx
          .selectFrom('graphs')
          .select('version')
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst();
        if (!target) return false;
        await tx
          .updateTable('graphs')
          .set({ is_active: 0 })
          .where('id', '=', id)
          .where('version', '!=', version)
          .execute();
        await tx
          .updateTable('graphs')
          .set({ is_active: 1 })
          .where('id', '=', id)
          .where('version', '=', version)
          .execute();
        return true;
      }),

    deleteGraph: (id) =>
      inTransaction(async (tx) => {
        // Nodes and links go with their version through ON DELETE CASCADE.
        const result = await tx.deleteFrom('graphs').where('id', '=', id).executeTakeFirst();
        return Number(result.numDeletedRows);
      }),
  };
}
