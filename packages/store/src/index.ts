export { createSqliteStore, type SqliteStoreOptions } from './sqlite';
export { createSqlStore, type SqlStore, type SqlStoreOptions } from './sql-store';
export { migrateToLatest, migrations } from './migrations';
export type {
  Database,
  GraphExecutionTable,
  GraphLinkTable,
  GraphNodeTable,
  GraphTable,
  NodeExecutionInputTable,
  NodeExecutionOutputTable,
  NodeExecutionTable,
} from './schema';
export * from './accounts';
export * from './credentials';
