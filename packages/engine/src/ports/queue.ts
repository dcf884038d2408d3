/** A job asking a worker to drive one graph run (AutoGPT's `GraphExecutionEntry`, trimmed). */
export interface ExecutionJob {
  graphExecId: string;
  userId: string;
  graphId: string;
  graphVersion: number;
}

/**
 * The run queue port: durable, at-least-once. A handler that resolves acknowledges the job; one that throws
 * puts it back for another try. In-process now; BullMQ in distributed mode.
 */
export interface ExecutionQueue {
  enqueue(job: ExecutionJob): Promise<void>;
  /** Starts delivering jobs to `handler`, at most `concurrency` at a time. */
  consume(handler: (job: ExecutionJob) => Promise<void>, options: { concurrency: number }): QueueConsumer;
  /** Jobs waiting (not being handled). */
  depth(): Promise<number>;
  close(): Promise<void>;
}

export interface QueueConsumer {
  /** Stops taking new jobs and waits for the ones in hand. */
  stop(): Promise<void>;
}
