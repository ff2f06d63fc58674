/**
 * The network and the clients (net/ipv4/tcp_input.c, tcp_output.c, inet_connection_sock.c):
 * packets on the wire, the handshake and the accept queue (a SYN dropped when it is full), bytes
 * arriving in a receive buffer, FIN and RST, and what a client sees (its reply, a retry).
 */
import { showBytes } from './format.ts';
import type { Ev, Narration, Narrator, Params } from './narrator.ts';

export function packet(n: Narrator, ev: Ev<'net.packet'>): Narration {
  const inbound = ev.to === 'server';
  const client = inbound ? ev.from : ev.to;
  const p: Params = {
    client,
    port: n.run.constants.PORT ?? '',
    bytes: n.bytes(ev.bytes),
    data: ev.data ? showBytes(ev.data) : '',
  };
  switch (ev.kind) {
    case 'SYN': {
      const retries = n.view.clients[client]?.retries ?? 0;
      return { text: n.t(retries > 0 ? 'narr.pkt.syn.again' : 'narr.pkt.syn', { ...p, attempt: retries }) };
    }
    case 'SYN-ACK':
      return { text: n.t('narr.pkt.synack', p) };
    case 'ACK':
      return { text: n.t('narr.pkt.ack', p) };
    case 'DATA':
      return { text: n.t(inbound ? 'narr.pkt.data.in' : 'narr.pkt.data.out', p) };
    case 'FIN':
      return { text: n.t(inbound ? 'narr.pkt.fin.in' : 'narr.pkt.fin.out', p) };
    case 'RST': {
      if (!inbound) {
        const sock = Object.values(n.before?.socks ?? {}).find(
          (x) => x.client === client && x.kind === 'conn' && x.rx.length > 0,
        );
        return { text: n.t(sock ? 'narr.pkt.rst.out.unread' : 'narr.pkt.rst.out', p) };
      }
      const wasClosed = n.before?.clients[client]?.state === 'closed';
      return { text: n.t(wasClosed ? 'narr.pkt.rst.in.closed' : 'narr.pkt.rst.in', p) };
    }
  }
}

export function syn(n: Narrator, ev: Ev<'sock.syn'>): Narration {
  if (ev.outcome === 'queued')
    return { text: n.t('narr.syn.queued', { client: ev.client }), detail: n.t('narr.syn.queued.detail') };
  const sock = n.before?.socks[ev.sock];
  const backlog = sock?.backlog ?? n.run.options.backlog;
  return {
    text: n.t('narr.syn.dropped', {
      client: ev.client,
      queued: sock?.acceptQueue.length ?? backlog + 1,
      max: backlog + 1,
    }),
    detail: n.t('narr.syn.dropped.detail', { client: ev.client }),
  };
}

export function acceptQueue(n: Narrator, ev: Ev<'sock.accept-queue'>): Narration {
  // A connection whose SYN was resent is not yet tied to its client: the ACK that completed it is.
  const client =
    n.clientOfSock(ev.conn) ??
    n.findBack('net.packet', (e) => e.kind === 'ACK' && e.to === 'server', 30)?.from ??
    '?';
  const inQueue = n.view.socks[ev.sock]?.acceptQueue.length ?? 0;
  const pop = n.find('sock.accept-queue', (e) => e.op === 'pop' && e.conn === ev.conn);
  let detail: string;
  const woken = [...n.rest()]
    .filter((e): e is Ev<'wait.remove'> => e.type === 'wait.remove')
    .map((e) => e.tid);
  if (pop) {
    const open = n.find('fd.open', (e) => e.what.kind === 'conn' && e.what.sock === ev.conn);
    detail = n.t('narr.aq.uring', { fd: open?.fd ?? '?' });
    return { text: n.t('narr.aq.push', { client, n: inQueue + 1 }), detail };
  }
  if (woken.length)
    detail = n.t('narr.aq.wakes', { who: n.list([...new Set(woken)].map((tid) => n.who(tid))) });
  else if (n.sleepersBefore(`sock:${ev.sock}`).length === 0) detail = n.t('narr.aq.nobody');
  else detail = '';
  return { text: n.t('narr.aq.push', { client, n: inQueue }), ...(detail ? { detail } : {}) };
}

export function rx(n: Narrator, ev: Ev<'sock.rx'>): Narration {
  const client = n.clientOfSock(ev.sock) ?? '?';
  const p: Params = {
    client,
    bytes: n.bytes(ev.data.length),
    data: showBytes(ev.data),
    total: n.bytes(ev.total),
    owner: n.sockFull(ev.sock),
  };
  const details: string[] = [];
  if (n.find('sock.take', (e) => e.sock === ev.sock)) details.push(n.t('narr.rx.uring'));
  else {
    const woken = [...n.rest()]
      .filter((e): e is Ev<'wait.remove'> => e.type === 'wait.remove')
      .map((e) => e.tid);
    if (woken.length)
      details.push(n.t('narr.rx.wakes', { who: n.list([...new Set(woken)].map((tid) => n.who(tid))) }));
    else details.push(n.t('narr.rx.nobody'));
  }
  return { text: n.t('narr.rx', p), detail: details.join(' ') };
}

export function rst(n: Narrator, ev: Ev<'sock.rst'>): Narration {
  const client = n.clientOfSock(ev.sock) ?? '?';
  return {
    text: n.t(ev.err === 'EPIPE' ? 'narr.rst.epipe' : 'narr.rst.reset', {
      client,
      owner: n.sockFull(ev.sock),
    }),
  };
}

export function fin(n: Narrator, ev: Ev<'sock.fin'>): Narration {
  return { text: n.t('narr.fin', { client: n.clientOfSock(ev.sock) ?? '?', owner: n.sockFull(ev.sock) }) };
}

/** A client's own events: its reply arrived, its connection is set up, it tries to connect again. */
export function clientEvent(
  n: Narrator,
  ev: Ev<'client.reply'> | Ev<'client.connected'> | Ev<'client.retry'>,
): Narration {
  switch (ev.type) {
    case 'client.reply':
      return {
        text: n.t('narr.client.reply', {
          client: ev.client,
          data: showBytes(ev.data),
          n: n.view.meters.replies,
        }),
      };
    case 'client.connected':
      return { text: n.t('narr.client.connected', { client: ev.client }) };
    case 'client.retry':
      return { text: n.t('narr.client.retry', { client: ev.client, attempt: ev.attempt }) };
  }
}
