/**
 * What the exam hall's counters and teacher are, read from a run's trace (pure).
 *
 * - questions asked: select asks every fd it watches, on every scan (the kernel checks each
 *   one, twice when it has to sleep); epoll asks nobody: the questions are the entries
 *   epoll_wait hands back (the names on the lamp).
 * - walk length: metres the teacher walks in the room (hall.ts): to the desk before each wait,
 *   along every watched desk and back for each select scan, to the door for accept, to a
 *   student's desk for each recv.
 * - papers collected: recv copies of a student's bytes into the server's buffer.
 */
import type { TraceEvent } from '../kernel/types.ts';
import { multiplexerOf } from '../kernel/syscall-table.ts';
import {
  hallGeometry,
  LISTEN_FD,
  route,
  routeLength,
  studentIndex,
  type HallGeometry,
  type Place,
} from './hall.ts';

export type { Place } from './hall.ts';

export interface HallCounters {
  questions: number;
  walk: number;
  papers: number;
  waits: number;
}

export interface HallTimeline {
  geometry: HallGeometry;
  /** Columns, one entry per event that moved the teacher or a counter (after that event). */
  ev: number[];
  t: number[];
  questions: number[];
  walk: number[];
  papers: number[];
  waits: number[];
  place: Place[];
  /** The trace index of each student's collected paper, or -1. */
  collectedAt: number[];
  /** The fd each student was given (students connect once), or -1 for one never let in. */
  fdOf: number[];
  /** The fatal error that ended the server (select's ValueError past FD_SETSIZE), if any. */
  failed: { ev: number; t: number; python: string } | null;
}

const ZERO: HallCounters = { questions: 0, walk: 0, papers: 0, waits: 0 };

/** The places a select scan visits, in the kernel's order (ascending fds), desk to desk. */
export function scanTour(fds: readonly number[], studentOfFd: (fd: number) => number | null): Place[] {
  const tour: Place[] = [];
  for (const fd of [...fds].sort((a, b) => a - b)) {
    if (fd === LISTEN_FD) tour.push('door');
    else {
      const s = studentOfFd(fd);
      if (s !== null) tour.push(s);
    }
  }
  return tour;
}

export function hallTimeline(trace: readonly TraceEvent[], n: number): HallTimeline {
  const g = hallGeometry(n);
  const tl: HallTimeline = {
    geometry: g,
    ev: [],
    t: [],
    questions: [],
    walk: [],
    papers: [],
    waits: [],
    place: [],
    collectedAt: new Array<number>(n).fill(-1),
    fdOf: new Array<number>(n).fill(-1),
    failed: null,
  };
  const fdStudent = new Map<number, number>();
  const studentOfFd = (fd: number): number | null => fdStudent.get(fd) ?? null;
  let serverPid: number | null = null;
  const c = { ...ZERO };
  let place: Place = 'desk';
  const moveTo = (p: Place): void => {
    if (p !== place) c.walk += routeLength(route(g, place, p));
    place = p;
  };
  const record = (i: number, ev: TraceEvent): void => {
    tl.ev.push(i);
    tl.t.push(ev.t);
    tl.questions.push(c.questions);
    tl.walk.push(c.walk);
    tl.papers.push(c.papers);
    tl.waits.push(c.waits);
    tl.place.push(place);
  };

  trace.forEach((ev, i) => {
    switch (ev.type) {
      case 'proc.start':
        serverPid ??= ev.pid;
        return;
      case 'fd.open':
        if (ev.pid === serverPid && ev.what.kind === 'conn') {
          const s = studentIndex(ev.what.client);
          if (s !== null && s < n) {
            fdStudent.set(ev.fd, s);
            tl.fdOf[s] = ev.fd;
          }
        }
        return;
      case 'fd.close':
        if (ev.pid === serverPid) fdStudent.delete(ev.fd);
        return;
      case 'sys.enter':
        if (multiplexerOf(ev.name)) {
          moveTo('desk');
          c.waits++;
          record(i, ev);
        } else if (ev.name === 'accept4') {
          moveTo('door');
          record(i, ev);
        } else if (ev.name === 'recvfrom') {
          // The teacher sets off for the desk as the call starts (its fd is in the call's own exit).
          const s = studentOfFd(recvFd(trace, i, ev.tid));
          if (s !== null) {
            moveTo(s);
            record(i, ev);
          }
        }
        return;
      case 'select.scan': {
        c.questions += ev.watched.length;
        for (const p of scanTour(ev.watched, studentOfFd)) moveTo(p);
        moveTo('desk');
        record(i, ev);
        return;
      }
      case 'sys.exit':
        if (ev.name === 'epoll_wait' && ev.ret > 0) {
          c.questions += ev.ret;
          record(i, ev);
        }
        return;
      case 'copy': {
        if (ev.dir !== 'to-user' || ev.bytes === 0) return;
        const s = studentOfFd(ev.fd);
        if (s === null) return;
        // The teacher stands at the student's desk while the paper is copied.
        moveTo(s);
        c.papers++;
        if (tl.collectedAt[s] === -1) tl.collectedAt[s] = i;
        record(i, ev);
        return;
      }
      case 'error':
        if (ev.fatal && !tl.failed) tl.failed = { ev: i, t: ev.t, python: ev.python };
        return;
      default:
    }
  });
  return tl;
}

/** The fd of the recvfrom that thread `tid` enters at event `i`, from its exit (strace prints it first). */
function recvFd(trace: readonly TraceEvent[], i: number, tid: number): number {
  for (let j = i + 1; j < trace.length; j++) {
    const ev = trace[j]!;
    if (ev.type === 'copy' && ev.tid === tid) return ev.fd;
    if (ev.type === 'sys.exit' && ev.tid === tid)
      return ev.name === 'recvfrom' ? Number(/^recvfrom\((\d+),/.exec(ev.strace)?.[1] ?? -1) : -1;
  }
  return -1;
}

/** The last recorded point at or before `i` by `key`, or -1. */
function lastAtOrBefore(column: readonly number[], value: number): number {
  let lo = 0;
  let hi = column.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (column[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function countersOf(tl: HallTimeline, k: number): HallCounters {
  if (k < 0) return { ...ZERO };
  return { questions: tl.questions[k]!, walk: tl.walk[k]!, papers: tl.papers[k]!, waits: tl.waits[k]! };
}

/** The counters after trace event `i` (inclusive). */
export function countersAtEvent(tl: HallTimeline, i: number): HallCounters {
  return countersOf(tl, lastAtOrBefore(tl.ev, i));
}

/** The counters at virtual time `t` (every event at or before it). */
export function countersAtTime(tl: HallTimeline, t: number): HallCounters {
  return countersOf(tl, lastAtOrBefore(tl.t, t));
}

/** Where the teacher is after event `i`, and the index of that point (-1 before the first). */
export function teacherAtEvent(tl: HallTimeline, i: number): { place: Place; point: number } {
  const k = lastAtOrBefore(tl.ev, i);
  return { place: k < 0 ? 'desk' : tl.place[k]!, point: k };
}
