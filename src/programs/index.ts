import type { Program } from '../kernel/types.ts';
import type { ResolvedOptions, ScenarioModel } from './models.ts';
import type { ListingName } from './listings.generated.ts';
import type { ServerParams } from './params.ts';
import { blockingServer } from './blocking.ts';
import { prethreadedServer, threadPerConnectionServer, threadPoolServer } from './threads.ts';
import { processPerConnectionServer } from './process.ts';
import { nonblockingPitfallServer, nonblockingServer } from './nonblocking.ts';
import { epollEdgeServer, epollLevelServer, pollServer, selectServer, selectorsServer } from './multiplex.ts';
import { signalDrivenServer } from './signal-driven.ts';
import { asyncioServer } from './asyncio.ts';
import { asyncIoServer } from './async-io.ts';
import { chatEpollServer, chatPitfallServer, chatPollServer, chatSelectServer } from './chat.ts';

export interface ServerModel {
  program: (p: ServerParams) => Program;
  listing: ListingName;
}

/** Which program (and which Python listing) a model and its options run. */
export function serverModel(model: ScenarioModel, o: ResolvedOptions): ServerModel {
  switch (model) {
    case 'python':
      throw new Error(
        "model python runs the scenario's own program in CPython: use runPythonScenario (src/scenarios/run.ts)",
      );
    case 'blocking':
      return { program: blockingServer, listing: 'blocking' };
    case 'thread-per-connection':
      return { program: threadPerConnectionServer, listing: 'thread_per_connection' };
    case 'process-per-connection':
      return { program: processPerConnectionServer, listing: 'process_per_connection' };
    case 'thread-pool':
      return o.acceptIn === 'workers'
        ? { program: prethreadedServer, listing: 'prethreaded_accept' }
        : { program: threadPoolServer, listing: 'thread_pool' };
    case 'nonblocking':
      return o.variant === 'pitfall'
        ? { program: nonblockingPitfallServer, listing: 'nonblocking_pitfall' }
        : { program: nonblockingServer, listing: 'nonblocking' };
    case 'select':
      return { program: selectServer, listing: 'select_echo' };
    case 'poll':
      return { program: pollServer, listing: 'poll_echo' };
    case 'epoll':
      if (o.trigger === 'level') return { program: epollLevelServer, listing: 'epoll_echo' };
      return o.variant === 'pitfall'
        ? { program: epollEdgeServer(true), listing: 'epoll_edge_pitfall' }
        : { program: epollEdgeServer(false), listing: 'epoll_edge' };
    case 'selectors':
      return { program: selectorsServer, listing: 'selectors_echo' };
    case 'signal-driven':
      return { program: signalDrivenServer, listing: 'signal_driven' };
    case 'async-io':
      return { program: asyncIoServer, listing: 'async_io' };
    case 'asyncio':
      return { program: asyncioServer, listing: 'asyncio_echo' };
    case 'select-chat':
      if (o.variant === 'pitfall') return { program: chatPitfallServer, listing: 'select_chat_pitfall' };
      if (o.mechanism === 'poll') return { program: chatPollServer, listing: 'select_chat_poll' };
      if (o.mechanism === 'epoll') return { program: chatEpollServer, listing: 'select_chat_epoll' };
      return { program: chatSelectServer, listing: 'select_chat' };
  }
}

/** The listing's tunables as the run sets them. */
export function listingConstants(o: ResolvedOptions, port: number): Record<string, string> {
  const seconds = (ms: number) => String(ms / 1000);
  return {
    PORT: String(port),
    BACKLOG: String(o.backlog),
    RECV_SIZE: String(o.recvSize),
    POOL_SIZE: String(o.poolSize),
    POLL_SLEEP: o.pollSleepMs ? seconds(o.pollSleepMs) : '0',
    TIMEOUT: o.timeoutMs === null ? 'None' : seconds(o.timeoutMs),
  };
}
