/**
 * The client hosts and the wire between them and the server: each client's own TCP stack as
 * far as the lesson needs it (connect with SYN retries — net/ipv4/tcp_timer.c's
 * tcp_retransmit_timer and tcp_syn_linear_timeouts —, send, close, reset, reading replies) and
 * packets that take the link's latency (with seeded jitter) and never overtake each other.
 */
import { nextInt } from '../rng.ts';
import type { Bytes } from '../bytes.ts';
import { MS, type Ns, type PacketKind } from '../types.ts';
import type { ClientHost, KernelContext } from '../state.ts';

/** Initial SYN retransmission timeout (TCP_TIMEOUT_INIT). */
export const SYN_RTO_NS = 1000 * MS;
/**
 * net.ipv4.tcp_syn_linear_timeouts (4 since Linux 6.7, this machine's kernel): the first SYN and
 * its first four retransmissions each wait the initial 1 s, later ones double it — SYNs leave at
 * 0, 1, 2, 3, 4, 5, 7, 11 s (measured here with a full accept queue). Older kernels doubled from
 * the first retry (0, 1, 3, 7 s…).
 */
export const SYN_LINEAR_RETRIES = 4;
/** How long the client waits after SYN number `attempt` (0 = the first) before resending it. */
export function synTimeoutNs(attempt: number): Ns {
  return attempt <= SYN_LINEAR_RETRIES ? SYN_RTO_NS : SYN_RTO_NS * 2 ** (attempt - SYN_LINEAR_RETRIES);
}
/** Up to this one-way latency (latencyMs' default, 0.02 ms) the link is loopback: see sysSendto. */
export const LOOPBACK_LATENCY_NS = 20_000;
/** The first client's port; each client has its own. */
export const CLIENT_PORT_BASE = 40000;

export function newClientHosts(k: KernelContext): ClientHost[] {
  return k.config.clients.map((script, index) => ({
    index,
    name: script.name,
    script,
    next: 0,
    state: 'idle',
    port: CLIENT_PORT_BASE + 2 * index + 2,
    sock: null,
    busy: false,
    synAttempt: 0,
    synToken: 0,
    lastToServer: 0,
    lastToClient: 0,
    rx: '',
    readPending: false,
    serverGone: false,
  }));
}

function jitter(k: KernelContext): Ns {
  const base = k.config.latencyNs;
  return base + nextInt(k.rng, Math.floor(base / 10) + 1);
}

export function sendToServer(k: KernelContext, c: ClientHost, kind: PacketKind, data?: Bytes): void {
  // TCP delivers in order: a packet never overtakes the one sent before it.
  const arrive = Math.max(k.now + jitter(k), c.lastToServer);
  c.lastToServer = arrive;
  if (k.tracing)
    k.emit({
      t: k.now,
      type: 'net.packet',
      from: c.name,
      to: 'server',
      kind,
      bytes: data?.length ?? 0,
      ...(data !== undefined ? { data } : {}),
      arriveNs: arrive,
    });
  else k.events++;
  k.schedule(
    arrive,
    data !== undefined ? { e: 'toServer', c: c.index, kind, data } : { e: 'toServer', c: c.index, kind },
  );
}

export function sendToClient(k: KernelContext, c: ClientHost, kind: PacketKind, data?: Bytes): void {
  const arrive = Math.max(k.now + jitter(k), c.lastToClient);
  c.lastToClient = arrive;
  if (k.tracing)
    k.emit({
      t: k.now,
      type: 'net.packet',
      from: 'server',
      to: c.name,
      kind,
      bytes: data?.length ?? 0,
      ...(data !== undefined ? { data } : {}),
      arriveNs: arrive,
    });
  else k.events++;
  k.schedule(
    arrive,
    data !== undefined ? { e: 'toClient', c: c.index, kind, data } : { e: 'toClient', c: c.index, kind },
  );
}

export function scheduleNextAction(k: KernelContext, c: ClientHost, notBefore: Ns): void {
  const action = c.script.actions[c.next];
  if (!action) return;
  k.schedule(Math.max(action.atNs, notBefore), { e: 'action', c: c.index });
}

/** The client's next scripted action is due. */
export function clientAction(k: KernelContext, c: ClientHost): void {
  const action = c.script.actions[c.next++];
  if (!action) return;
  switch (action.do) {
    case 'connect':
      c.state = 'connecting';
      c.synAttempt = 0;
      c.synToken++;
      sendToServer(k, c, 'SYN');
      k.schedule(k.now + SYN_RTO_NS, { e: 'synTimer', c: c.index, token: c.synToken });
      return; // the next action waits until the handshake completes
    case 'send':
      if (c.state === 'connected' && action.data) sendToServer(k, c, 'DATA', action.data);
      break;
    case 'close':
      if (c.state === 'connected') {
        sendToServer(k, c, 'FIN');
        c.state = 'closed';
      }
      break;
    case 'reset':
      if (c.state === 'connected' || c.state === 'closed') {
        sendToServer(k, c, 'RST');
        c.state = 'reset';
      }
      break;
  }
  scheduleNextAction(k, c, k.now);
}

/**
 * No SYN-ACK in time: the client sends its SYN again. `timer` is the event just taken from the
 * queue: it is queued again for the next retry (a crowd of clients retrying every second makes
 * no new timer objects).
 */
export function synTimer(
  k: KernelContext,
  c: ClientHost,
  timer: { e: 'synTimer'; c: number; token: number },
): void {
  if (c.synToken !== timer.token || c.state !== 'connecting') return;
  c.synAttempt++;
  const nextNs = k.now + synTimeoutNs(c.synAttempt);
  if (k.tracing) k.emit({ t: k.now, type: 'client.retry', client: c.name, attempt: c.synAttempt, nextNs });
  else k.events++;
  sendToServer(k, c, 'SYN');
  k.schedule(nextNs, timer);
}

/** The client program reads what has arrived: one reply. */
export function clientRead(k: KernelContext, c: ClientHost): void {
  c.readPending = false;
  if (c.rx.length === 0) return;
  k.replies.push({ client: c.name, data: c.rx, atNs: k.now });
  if (k.tracing) k.emit({ t: k.now, type: 'client.reply', client: c.name, data: c.rx });
  else k.events++;
  c.rx = '';
}

export function packetAtClient(k: KernelContext, c: ClientHost, kind: PacketKind, data?: Bytes): void {
  switch (kind) {
    case 'SYN-ACK':
      if (c.state !== 'connecting') return;
      c.state = 'connected';
      c.synToken++;
      if (k.tracing) k.emit({ t: k.now, type: 'client.connected', client: c.name, port: c.port });
      else k.events++;
      sendToServer(k, c, 'ACK');
      scheduleNextAction(k, c, k.now);
      return;
    case 'DATA':
      if (c.state === 'closed' || c.state === 'reset') {
        // Data for a socket the client already closed: its kernel answers with RST.
        if (c.state === 'closed') sendToServer(k, c, 'RST');
        return;
      }
      c.rx += data ?? '';
      if (!c.readPending) {
        c.readPending = true;
        k.schedule(k.now + k.costs.wakeupNs + k.costs.contextSwitchNs, { e: 'clientRead', c: c.index });
      }
      return;
    case 'FIN':
      c.serverGone = true;
      if (k.tracing) k.emit({ t: k.now, type: 'client.eof', client: c.name, reset: false });
      else k.events++;
      return;
    case 'RST':
      if (c.state === 'connecting') {
        c.state = 'refused';
        c.synToken++;
        if (k.tracing) k.emit({ t: k.now, type: 'client.eof', client: c.name, reset: true });
        else k.events++;
        scheduleNextAction(k, c, k.now);
        return;
      }
      c.serverGone = true;
      if (k.tracing) k.emit({ t: k.now, type: 'client.eof', client: c.name, reset: true });
      else k.events++;
      return;
    default:
      return;
  }
}
