/**
 * The exam hall at one step, read from the same view and trace the stage draws (pure: no React).
 * A student is an fd; a raised paper is data in its socket buffer; the lamp is readiness; the
 * names on the lamp are epoll's ready list; the teacher's walk is select's scan; a collected
 * paper is the recv copy.
 */
import type { MachineView } from '../../kernel/view.ts';
import type { TraceIndex } from '../../kernel/trace-index.ts';
import type { TraceEvent } from '../../kernel/types.ts';
import { multiplexerOf } from '../../kernel/syscall-table.ts';
import { LISTEN_FD, studentIndex, studentName, type Mechanism } from '../../hall/hall.ts';
import {
  countersAtEvent,
  scanTour,
  teacherAtEvent,
  type HallTimeline,
  type Place,
} from '../../hall/hall-trace.ts';

export type StudentState =
  /** Not in the room yet (connecting, or waiting at the door in the accept queue). */
  | 'arriving'
  | 'writing'
  /** Pressed the button: the paper is in the socket buffer, the fd is readable. */
  | 'finished'
  /** The teacher has the paper (recv copied it); still seated. */
  | 'handed-in'
  /** Getting up to leave: the FIN has arrived (the fd is readable again, recv will return b''). */
  | 'leaving'
  | 'left'
  /** The server died (select's ValueError): nobody collects their paper. */
  | 'stranded';

export type Activity =
  | 'starting'
  | 'waiting'
  | 'checking'
  | 'scanning'
  | 'reading'
  | 'door'
  | 'collecting'
  | 'receipt'
  | 'farewell'
  | 'returning'
  | 'failed'
  | 'done';

export interface HallScan {
  tour: Place[];
  asked: number;
  yes: number[];
}

export interface HallState {
  t: number;
  mech: Mechanism;
  /** Any watched fd readable (a paper, a leaving student, someone at the door). */
  lamp: boolean;
  /** epoll: the ready list, fds in arrival order (the names the lamp shows). select: null. */
  names: number[] | null;
  /** Per student (by desk), its fd now, the fd it had (once let in), and its state. */
  students: { fd: number | null; had: number | null; state: StudentState }[];
  teacher: Place;
  activity: Activity;
  /** The select scan made in this step: the desks walked, how many asked, who said yes (fds). */
  scan: HallScan | null;
  /** The student whose paper is being collected (copied) in this step. */
  collecting: number | null;
  /** Students in the accept queue at the door. */
  atDoor: number;
  failed: { python: string } | null;
}

/** The index of the last trace event of step `step`. */
export function lastEventOfStep(index: TraceIndex, step: number): number {
  const k = Math.max(0, Math.min(step, index.steps - 1));
  return (k + 1 < index.stepStart.length ? index.stepStart[k + 1]! : index.trace.length) - 1;
}

export function hallStateAt(
  index: TraceIndex,
  tl: HallTimeline,
  view: MachineView,
  step: number,
  mech: Mechanism,
): HallState {
  const n = tl.geometry.n;
  const endEv = lastEventOfStep(index, step);
  const startEv = index.stepStart[Math.max(0, Math.min(step, index.steps - 1))] ?? 0;
  const stepEvents: TraceEvent[] = index.trace.slice(startEv, endEv + 1) as TraceEvent[];
  const failed = tl.failed && tl.failed.ev <= endEv ? { python: tl.failed.python } : null;

  const server = Object.values(view.procs).sort((a, b) => a.pid - b.pid)[0];
  const fdOf = new Array<number | null>(n).fill(null);
  const sockOf = new Array<number | null>(n).fill(null);
  let listenSock: number | null = null;
  const studentOfFd = new Map<number, number>();
  if (server && !server.exited) {
    for (const [fdText, what] of Object.entries(server.fds)) {
      const fd = Number(fdText);
      if (what.kind === 'listen') listenSock = what.sock;
      if (what.kind !== 'conn') continue;
      const s = studentIndex(what.client);
      if (s === null || s >= n) continue;
      fdOf[s] = fd;
      sockOf[s] = what.sock;
      studentOfFd.set(fd, s);
    }
  }
  const readable = (sockId: number): boolean => {
    const so = view.socks[sockId];
    return !!so && !so.closed && (so.rx.length > 0 || so.fin || so.err !== null);
  };
  const atDoor = listenSock !== null ? (view.socks[listenSock]?.acceptQueue.length ?? 0) : 0;

  const students = fdOf.map((fd, s) => {
    const collected = tl.collectedAt[s]! >= 0 && tl.collectedAt[s]! <= endEv;
    let state: StudentState;
    if (fd === null) {
      const client = view.clients[studentName(s)];
      if (failed) state = collected ? 'left' : 'stranded';
      else if (collected || client?.state === 'closed') state = 'left';
      else state = 'arriving';
    } else {
      const so = view.socks[sockOf[s]!];
      if (so && so.rx.length > 0) state = 'finished';
      else if (so && (so.fin || so.err !== null)) state = 'leaving';
      else state = collected ? 'handed-in' : 'writing';
    }
    return { fd, had: tl.fdOf[s]! >= 0 ? tl.fdOf[s]! : null, state };
  });

  const lamp = !failed && (atDoor > 0 || sockOf.some((id) => id !== null && readable(id)));
  let names: number[] | null = null;
  if (mech === 'epoll') {
    const ep = Object.values(view.epolls)[0];
    names = ep ? [...ep.ready] : [];
  }

  let scan: HallScan | null = null;
  let collecting: number | null = null;
  let reading = false;
  for (const ev of stepEvents) {
    if (ev.type === 'select.scan')
      scan = {
        tour: scanTour(ev.watched, (fd) => studentOfFd.get(fd) ?? null),
        asked: ev.watched.length,
        yes: ev.ready,
      };
    if (ev.type === 'copy' && ev.dir === 'to-user' && ev.bytes > 0)
      collecting = studentOfFd.get(ev.fd) ?? collecting;
    if (ev.type === 'sys.exit' && ev.name === 'epoll_wait' && ev.ret > 0) reading = true;
  }

  const teacher = teacherAtEvent(tl, endEv).place;
  const main = server ? view.threads[server.pid] : undefined;
  const call = main?.call?.name;
  let activity: Activity;
  if (failed) activity = 'failed';
  else if (view.stopped && !(call && multiplexerOf(call))) activity = 'done';
  else if (scan) activity = 'scanning';
  else if (collecting !== null) activity = 'collecting';
  else if (reading) activity = 'reading';
  else if (!main || countersAtEvent(tl, endEv).waits === 0) activity = 'starting';
  // Inside select/epoll_wait but running (not on a wait queue): the teacher is awake.
  else if (call && multiplexerOf(call)) activity = main!.state === 'blocked' ? 'waiting' : 'checking';
  else if (teacher === 'door') activity = 'door';
  else if (typeof teacher === 'number')
    activity =
      students[teacher]?.state === 'leaving' || students[teacher]?.state === 'left' ? 'farewell' : 'receipt';
  else activity = 'returning';
  return { t: view.t, mech, lamp, names, students, teacher, activity, scan, collecting, atDoor, failed };
}

/** The listening socket's fd: the door. */
export const DOOR_FD = LISTEN_FD;
