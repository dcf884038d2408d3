import {
  describeBusContract,
  describeLockContract,
  describeQueueContract,
  describeVaultContract,
} from '../testing';
import { createMemoryBus } from './memory-bus';
import { createMemoryLocks } from './memory-lock';
import { createMemoryQueue } from './memory-queue';
import { createMemoryVault } from './memory-vault';

describeQueueContract('memory', async () => createMemoryQueue({ retryDelayMs: 5 }));
describeBusContract('memory', async () => createMemoryBus());
describeLockContract('memory', async () => createMemoryLocks());
describeVaultContract('memory', async ({ owner, credentials }) =>
  createMemoryVault([{ userId: owner, credentials }]),
);
