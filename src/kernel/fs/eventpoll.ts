/**
 * epoll — Linux's fs/eventpoll.c: an epoll instance keeps an interest list (epoll_ctl) and a
 * ready list that the sockets' wake-ups fill (ep_poll_callback); `epoll_wait` hands out the
 * ready list, re-checking each item (ep_send_events), and puts level-triggered items back,
 * while edge-triggered and one-shot items wait for the next wake-up.
 */
import { USER_PTR } from '../strace-format.ts';
import type { Errno } from '../errors.ts';
import { EPOLLERR, EPOLLET, EPOLLHUP, EPOLLIN, EPOLLONESHOT, EPOLLRDHUP, MS, type PollFd } from '../types.ts';
import {
  done,
  fail,
  type Attempt,
  type Epoll,
  type KernelContext,
  type Process,
  type Sock,
  type SysOp,
} from '../state.ts';
import { fileOf, installFd, lowestFreeFd, newFile, sockOf } from '../fdtable.ts';
import { pollMask } from '../net/tcp.ts';
import { wakeAll } from '../sched.ts';

export function sysEpollCreate1(k: KernelContext, proc: Process): Attempt {
  const c = k.costs;
  const fd = lowestFreeFd(k, proc);
  if (fd < 0) return fail('EMFILE', c.epollCreateNs, 'epoll_create1(EPOLL_CLOEXEC)', '');
  const ep: Epoll = { id: k.nextObj++, items: new Map(), ready: [], waiters: [] };
  k.epolls.set(ep.id, ep);
  installFd(k, proc, fd, newFile(k, { kind: 'epoll', ep: ep.id }));
  return done({ ret: fd }, c.epollCreateNs, 'epoll_create1(EPOLL_CLOEXEC)', ` = ${fd}`);
}

export function sysEpollCtl(
  k: KernelContext,
  proc: Process,
  epfd: number,
  opName: 'EPOLL_CTL_ADD' | 'EPOLL_CTL_MOD' | 'EPOLL_CTL_DEL',
  fd: number,
  events: number,
): Attempt {
  const c = k.costs;
  const epFile = fileOf(k, proc, epfd);
  const ep = epFile && epFile.what.kind === 'epoll' ? k.epolls.get(epFile.what.ep) : undefined;
  const evText = epollEventsText(events);
  const head =
    opName === 'EPOLL_CTL_DEL'
      ? `epoll_ctl(${epfd}, ${opName}, ${fd}, ${USER_PTR})`
      : `epoll_ctl(${epfd}, ${opName}, ${fd}, {events=${evText}, data={u32=${fd}, u64=${fd}}})`;
  const sockFile = fileOf(k, proc, fd);
  const sock = sockOf(k, proc, fd);
  if (!ep || !sockFile || !sock) return fail('EBADF', c.epollCtlNs, head, '');
  const existing = ep.items.get(fd);
  if (opName === 'EPOLL_CTL_ADD') {
    if (existing) return fail('EEXIST' as Errno, c.epollCtlNs, head, '');
    ep.items.set(fd, { fd, file: sockFile.id, sock: sock.id, events, disabled: false });
    sock.watchers.push({ ep: ep.id, fd });
    k.addMemory(c.epollItemBytes);
    if (k.tracing) k.emit({ t: k.now, type: 'epoll.interest', ep: ep.id, fd, events, op: 'add' });
    else k.events++;
  } else if (opName === 'EPOLL_CTL_MOD') {
    if (!existing) return fail('ENOENT' as Errno, c.epollCtlNs, head, '');
    existing.events = events;
    existing.disabled = false;
    if (k.tracing) k.emit({ t: k.now, type: 'epoll.interest', ep: ep.id, fd, events, op: 'mod' });
    else k.events++;
  } else {
    if (!existing) return fail('ENOENT' as Errno, c.epollCtlNs, head, '');
    ep.items.delete(fd);
    sock.watchers = sock.watchers.filter((w) => !(w.ep === ep.id && w.fd === fd));
    const r = ep.ready.indexOf(fd);
    if (r >= 0) {
      ep.ready.splice(r, 1);
      k.emit({ t: k.now, type: 'epoll.ready', ep: ep.id, fd, op: 'remove' });
    }
    k.addMemory(-c.epollItemBytes);
    if (k.tracing) k.emit({ t: k.now, type: 'epoll.interest', ep: ep.id, fd, events: 0, op: 'del' });
    else k.events++;
    return done({ ret: 0 }, c.epollCtlNs, head, ' = 0');
  }
  // Adding or re-arming an fd that is already readable puts it on the ready list at once.
  if ((pollMask(sock) & events) !== 0 && !ep.ready.includes(fd)) {
    ep.ready.push(fd);
    if (k.tracing) k.emit({ t: k.now, type: 'epoll.ready', ep: ep.id, fd, op: 'add' });
    else k.events++;
    wakeAll(k, ep.waiters, 'epoll');
  }
  return done({ ret: 0 }, c.epollCtlNs, head, ' = 0');
}

export function sysEpollWait(
  k: KernelContext,
  proc: Process,
  op: SysOp,
  epfd: number,
  maxEvents: number,
  timeoutMs: number,
): Attempt {
  const c = k.costs;
  if (op.deadline === null) op.deadline = timeoutMs < 0 ? Infinity : op.enterT + timeoutMs * MS;
  const epFile = fileOf(k, proc, epfd);
  const ep = epFile && epFile.what.kind === 'epoll' ? k.epolls.get(epFile.what.ep) : undefined;
  const head = `epoll_wait(${epfd}, `;
  const tailArgs = `${maxEvents}, ${timeoutMs})`;
  if (!ep) return fail('EBADF', c.epollWaitBaseNs, head, `${USER_PTR}, ${tailArgs}`);
  const reported: PollFd[] = [];
  const requeue: number[] = [];
  // ep_send_events: walk the ready list in arrival order, re-check each item, report it;
  // level-triggered items go back on the list, edge-triggered ones wait for the next wake-up.
  while (ep.ready.length > 0 && reported.length < maxEvents) {
    const fd = ep.ready.shift()!;
    const item = ep.items.get(fd);
    if (k.tracing) k.emit({ t: k.now, type: 'epoll.ready', ep: ep.id, fd, op: 'remove' });
    else k.events++;
    if (!item || item.disabled) continue;
    const sock = k.socks.get(item.sock)!;
    const mask = pollMask(sock) & (item.events | EPOLLHUP | EPOLLERR);
    if (mask === 0) continue;
    reported.push({ fd, events: mask });
    if (item.events & EPOLLONESHOT) item.disabled = true;
    else if (!(item.events & EPOLLET)) requeue.push(fd);
  }
  for (const fd of requeue) {
    ep.ready.push(fd);
    if (k.tracing) k.emit({ t: k.now, type: 'epoll.ready', ep: ep.id, fd, op: 'add' });
    else k.events++;
  }
  const ns = c.epollWaitBaseNs + c.epollWaitPerReadyNs * reported.length;
  if (reported.length > 0) {
    const list = reported
      .map((r) => `{events=${epollEventsText(r.events)}, data={u32=${r.fd}, u64=${r.fd}}}`)
      .join(', ');
    return done(
      { ret: reported.length, ready: reported },
      ns,
      head,
      `[${list}], ${tailArgs} = ${reported.length}`,
    );
  }
  if (op.timedOut || timeoutMs === 0 || k.now >= op.deadline)
    return done({ ret: 0, ready: [] }, ns, head, `[], ${tailArgs} = 0`);
  return { block: { kind: 'epoll', epfd, ep: ep.id }, targets: [{ kind: 'epoll', ep: ep.id }], head };
}

/** ep_poll_callback: a watched socket woke up; the item joins the ready list and sleepers wake. */
export function epollCallback(k: KernelContext, sock: Sock): void {
  for (const w of sock.watchers) {
    const ep = k.epolls.get(w.ep);
    const item = ep?.items.get(w.fd);
    if (!ep || !item || item.disabled) continue;
    // ep_poll_callback: the item joins the ready list the moment the socket wakes it.
    if ((pollMask(sock) & item.events & ~(EPOLLET | EPOLLONESHOT)) === 0) continue;
    if (!ep.ready.includes(w.fd)) {
      ep.ready.push(w.fd);
      if (k.tracing) k.emit({ t: k.now, type: 'epoll.ready', ep: ep.id, fd: w.fd, op: 'add' });
      else k.events++;
    }
    wakeAll(k, ep.waiters, 'epoll');
  }
}

/** eventpoll_release: a watched socket's file is gone; every epoll forgets it. */
export function epollForgetSock(k: KernelContext, sock: Sock): void {
  for (const watcher of [...sock.watchers]) {
    const ep = k.epolls.get(watcher.ep);
    if (!ep) continue;
    ep.items.delete(watcher.fd);
    const r = ep.ready.indexOf(watcher.fd);
    if (r >= 0) ep.ready.splice(r, 1);
  }
  sock.watchers = [];
}

export function epollEventsText(events: number): string {
  const names: string[] = [];
  if (events & EPOLLIN) names.push('EPOLLIN');
  if (events & 0x4) names.push('EPOLLOUT');
  if (events & 0x8) names.push('EPOLLERR');
  if (events & EPOLLHUP) names.push('EPOLLHUP');
  if (events & EPOLLRDHUP) names.push('EPOLLRDHUP');
  if (events & EPOLLONESHOT) names.push('EPOLLONESHOT');
  if (events & EPOLLET) names.push('EPOLLET');
  return names.join('|') || '0';
}
