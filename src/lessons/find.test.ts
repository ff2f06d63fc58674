/** The lesson finders: pure searches in a run's trace. */
import { describe, expect, it } from 'vitest';
import {
  callInProgress,
  clientOfFd,
  countEvents,
  epollReportedFds,
  fdLabel,
  fdOfClient,
  findEventIndex,
  findReplies,
  findStep,
  findStepOrNone,
  isReplyTo,
  isSysBlock,
  isSysExit,
  LessonFindError,
  otherRun,
  roundMs,
  sockOfClient,
} from './find.ts';

const select = otherRun('select');

describe('finders', () => {
  it('find the nth matching event and its step; after/before narrow the search', () => {
    const first = findStep(select, isSysExit('pselect6'));
    const second = findStep(select, isSysExit('pselect6'), { nth: 2 });
    expect(second).toBeGreaterThan(first);
    expect(findStep(select, isSysExit('pselect6'), { after: first })).toBe(second);
    const ev = select.index.trace[select.index.stepStart[first]!]!;
    expect(ev.type === 'sys.exit' && ev.name === 'pselect6').toBe(true);
    expect(countEvents(select, isSysExit('pselect6'), { before: second })).toBe(1);
  });

  it('throw a LessonFindError (or return -1) when nothing matches', () => {
    expect(() => findStep(select, isSysBlock('epoll_wait'))).toThrow(LessonFindError);
    expect(findStepOrNone(select, isSysBlock('epoll_wait'))).toBe(-1);
    expect(findEventIndex(select, isReplyTo('nobody'))).toBe(-1);
  });

  it('list replies in order with their steps, matching the trace', () => {
    const replies = findReplies(select);
    expect(replies.length).toBeGreaterThan(0);
    for (let i = 1; i < replies.length; i++)
      expect(replies[i]!.step).toBeGreaterThanOrEqual(replies[i - 1]!.step);
    expect(replies.length).toBe(countEvents(select, isReplyTo()));
  });

  it('map clients and fds both ways at a step', () => {
    const reply = findReplies(select)[0]!;
    const view = select.index.viewAt(reply.step);
    const fd = fdOfClient(view, reply.client);
    expect(fd).not.toBeNull();
    expect(clientOfFd(view, fd!)).toBe(reply.client);
    expect(sockOfClient(view, reply.client)).toBeTypeOf('number');
    expect(fdLabel(view, fd!)).toBe(`fd ${fd} (${reply.client})`);
  });

  it('read the fds an epoll_wait reported from its strace text', () => {
    const r = otherRun('epoll-level');
    const i = findEventIndex(r, isSysExit('epoll_wait', { minRet: 1 }));
    const fds = epollReportedFds(r.index.trace[i]!);
    const ev = r.index.trace[i]!;
    expect(fds.length).toBe(ev.type === 'sys.exit' ? ev.ret : -1);
  });

  it('tell which call a thread was in at a copy: recvfrom for select, none of its own for io_uring', () => {
    const i = findEventIndex(select, (ev) => ev.type === 'copy' && ev.dir === 'to-user' && ev.fd > 2);
    const ev = select.index.trace[i]!;
    expect(callInProgress(select, i, ev.type === 'copy' ? ev.tid : -1)).toBe('recvfrom');
    const aio = otherRun('async-io');
    const j = findEventIndex(aio, (e) => e.type === 'copy' && e.dir === 'to-user' && e.fd > 2);
    const ej = aio.index.trace[j]!;
    expect(callInProgress(aio, j, ej.type === 'copy' ? ej.tid : -1)).not.toBe('recvfrom');
  });

  it('cache side runs, and round milliseconds for sentences', () => {
    expect(otherRun('select')).toBe(select);
    expect(() => otherRun('no-such-scenario')).toThrow(LessonFindError);
    expect(roundMs(149.9996)).toBe(150);
    expect(roundMs(12.345)).toBe(12.3);
    expect(roundMs(0.0021)).toBe(0.002);
  });
});
