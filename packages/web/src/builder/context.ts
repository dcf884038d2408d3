import { createContext, useContext } from 'react';
import type { CredentialOption } from '../components/SchemaField';

/** What a node on the canvas may do to the graph. Stable for the builder's lifetime. */
export interface NodeActions {
  /** Sets one input (an Agent node's child input with `agent`); `undefined` clears it. */
  setInput(change: { nodeId: string; field: string; value: unknown; agent?: boolean }): void;
  /**
   * Applies a key-value field's new dict: a renamed key moves its pin and links (`renameKey`), an added or
   * removed key adds or removes its pin, a changed value is set.
   */
  setKeyValues(change: {
    nodeId: string;
    field: string;
    keys: readonly string[];
    next: Record<string, unknown>;
  }): void;
  removeNode(nodeId: string): void;
  /** Ends the current typing gesture, so the next edit is its own undo step. */
  endEdit(): void;
}

export const NodeActionsContext = createContext<NodeActions | null>(null);

export function useNodeActions(): NodeActions {
  const actions = useContext(NodeActionsContext);
  if (!actions) throw new Error('Builder nodes need the NodeActionsContext');
  return actions;
}

/** The user's and the platform's credentials, for credentials fields. */
export const CredentialsContext = createContext<readonly CredentialOption[]>([]);
