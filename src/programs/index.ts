import type { Program } from '../kernel/types.ts';
import type { Model, ResolvedOptions } from '../scenarios/format.ts';
import type { ListingName } from './listings.generated.ts';
import type { ServerParams } from './params.ts';
import { blockingServer } from './blocking.ts';
import { threadPerConnectionServer, threadPoolServer } from './threads.ts';
import { processPerConnectionServer } from './process.ts';
import { nonblockingPitfallServer, nonblockingServer } from './nonblocking.ts';

export interface ServerModel {
  program: (p: ServerParams) => Program;
  listing: ListingName;
}

export class NotYetImplemented extends Error {}

/** Which program (and which Python listing) a model and its options run. */
export function serverModel(model: Model, o: ResolvedOptions): ServerModel {
  switch (model) {
    case 'blocking': return { program: blockingServer, listing: 'blocking' };
    case 'thread-per-connection': return { program: threadPerConnectionServer, listing: 'thread_per_connection' };
    case 'process-per-connection': return { program: processPerConnectionServer, listing: 'process_per_connection' };
    case 'thread-pool': return { program: threadPoolServer, listing: 'thread_pool' };
    case 'nonblocking': return o.variant === 'pitfall'
      ? { program: nonblockingPitfallServer, listing: 'nonblocking_pitfall' }
      : { program: nonblockingServer, listing: 'nonblocking' };
    default:
      throw new NotYetImplemented(`model "${model}" is not implemented yet`);
  }
}

/** The listing's tunables as the run sets them. */
export function listingConstants(o: ResolvedOptions, port: number): Record<string, string> {
  const seconds = (ms: number) => String(ms / 1000);
  return {
    PORT: String(port), BACKLOG: String(o.backlog), RECV_SIZE: String(o.recvSize), POOL_SIZE: String(o.poolSize),
    POLL_SLEEP: o.pollSleepMs ? seconds(o.pollSleepMs) : '0', TIMEOUT: o.timeoutMs === null ? 'None' : seconds(o.timeoutMs),
  };
}
