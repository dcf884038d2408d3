/** The status enum shared by graph and node executions (internals §3.1). */
export const executionStatuses = [
  'INCOMPLETE',
  'QUEUED',
  'RUNNING',
  'COMPLETED',
  'TERMINATED',
  'FAILED',
  'REVIEW',
] as const;
export type ExecutionStatus = (typeof executionStatuses)[number];

/** Target status <- the statuses it may be entered from. INCOMPLETE is only set at creation. */
export const validStatusTransitions: Readonly<Record<ExecutionStatus, readonly ExecutionStatus[]>> = {
  INCOMPLETE: [],
  QUEUED: ['INCOMPLETE', 'TERMINATED', 'REVIEW'],
  RUNNING: ['INCOMPLETE', 'QUEUED', 'TERMINATED', 'REVIEW'],
  COMPLETED: ['RUNNING'],
  FAILED: ['INCOMPLETE', 'QUEUED', 'RUNNING', 'REVIEW'],
  TERMINATED: ['INCOMPLETE', 'QUEUED', 'RUNNING', 'REVIEW'],
  REVIEW: ['RUNNING'],
};

export function canTransition(from: ExecutionStatus, to: ExecutionStatus): boolean {
  return validStatusTransitions[to].includes(from);
}

export const terminalStatuses: readonly ExecutionStatus[] = ['COMPLETED', 'TERMINATED', 'FAILED'];
export function isTerminal(status: ExecutionStatus): boolean {
  return terminalStatuses.includes(status);
}
