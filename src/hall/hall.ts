/**
 * The exam hall: the article's analogy for select and epoll, run on the real simulation.
 *
 * Every student is a client that connects (takes a seat), later sends its paper once (presses
 * the button: data arrives, its fd becomes readable) and then leaves (closes). The server is
 * the shipped select or level-triggered epoll echo program. The same class with the same
 * finishing pattern runs under both, so their counters can be compared moment by moment.
 * Pure: no DOM, React or store.
 */
import { SCENARIO_FORMAT, type Scenario, type ScenarioClient } from '../scenarios/format.ts';
import { nextInt, nextU32, seedRng } from '../kernel/rng.ts';
import { FD_SETSIZE } from '../kernel/kernel.ts';

export const MECHANISMS = ['select', 'epoll'] as const;
export type Mechanism = (typeof MECHANISMS)[number];
export const PATTERNS = ['one', 'several', 'burst'] as const;
export type Pattern = (typeof PATTERNS)[number];

export const MIN_CLASS = 1;
export const MAX_CLASS = 2500;
export const DEFAULT_CLASS = 30;

/** The fds below the first student's: stdin, stdout, stderr and the listening socket (the door). */
export const LISTEN_FD = 3;
/** select keeps its fd list in user space; epoll's own fd takes number 4. */
export function firstStudentFd(mech: Mechanism): number {
  return mech === 'select' ? LISTEN_FD + 1 : LISTEN_FD + 2;
}
/**
 * The largest class select can serve: every fd it watches must be below FD_SETSIZE (1024), so
 * the students' fds 4…1023 are all there is room for.
 */
export const SELECT_MAX_CLASS = FD_SETSIZE - firstStudentFd('select');

export { LAB_SCENARIO, labScenarioOfHall } from './lab-scenario.ts';

export interface HallConfig {
  n: number;
  mech: Mechanism;
  pattern: Pattern;
  seed: number;
}

/** Virtual milliseconds: when everyone is seated, the gap between finishes, how long a student stays after handing in. */
const SEAT_EVERY_MS = 0.02;
const FINISH_GAP_MS = 10;
const LEAVE_AFTER_MS = 2;

export function studentName(i: number): string {
  return `s${i + 1}`;
}
/** The student number (0-based) of a client name, or null for anyone else. */
export function studentIndex(name: string): number | null {
  const m = /^s(\d+)$/.exec(name);
  return m ? Number(m[1]) - 1 : null;
}

/**
 * How many moments of handing in a run shows. select pays for every fd on every call (and the
 * trace records each wait-queue entry), so a big class in one-at-a-time would write millions of
 * events; the hall then shows the first papers and the rest are still writing when it ends.
 */
export function finishingMoments(n: number): number {
  return Math.min(n, Math.max(6, Math.floor(150_000 / (4 * n + 60))));
}

/**
 * When each student hands in (ms), by student number, or null for one still writing when the
 * run ends. Seeded: the same seed, the same class.
 * - one: one at a time, in a shuffled order, FINISH_GAP_MS apart;
 * - several: in groups of 2 to 5 who hand in together (within a few microseconds);
 * - burst: the whole class within ten microseconds.
 */
export function finishTimes(n: number, pattern: Pattern, seed: number): (number | null)[] {
  const rng = seedRng(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = nextInt(rng, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const start = examStartMs(n);
  const moments = finishingMoments(n);
  const times = new Array<number | null>(n).fill(null);
  // Microsecond offsets keep "together" realistic: packets never land at the very same nanosecond.
  const jitter = (): number => (nextU32(rng) % 500) / 1000;
  if (pattern === 'one') {
    order.slice(0, moments).forEach((s, k) => {
      times[s] = start + k * FINISH_GAP_MS;
    });
  } else if (pattern === 'several') {
    let k = 0;
    for (let group = 0; group < moments && k < n; group++) {
      const size = 2 + nextInt(rng, 4);
      for (let g = 0; g < size && k < n; g++, k++)
        times[order[k]!] = round3(start + group * FINISH_GAP_MS + Math.round(jitter() * 10) / 1000);
    }
  } else {
    order.forEach((s) => {
      times[s] = round3(start + Math.round(jitter() * 20) / 1000);
    });
  }
  return times;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The exam starts once the last student has had time to sit down. */
export function examStartMs(n: number): number {
  return Math.ceil(10 + n * SEAT_EVERY_MS * 2);
}

/** The scenario of one class, for one mechanism (a valid `iolab/scenario@1`). */
export function hallScenario(c: HallConfig): Scenario {
  const times = finishTimes(c.n, c.pattern, c.seed);
  const clients: ScenarioClient[] = times.map((at, i) => ({
    name: studentName(i),
    actions:
      at === null
        ? [{ at: round3(i * SEAT_EVERY_MS), do: 'connect' }]
        : [
            { at: round3(i * SEAT_EVERY_MS), do: 'connect' },
            { at, do: 'send', data: `paper ${i + 1}` },
            { at: round3(at + LEAVE_AFTER_MS), do: 'close' },
          ],
  }));
  const last = times.reduce<number>((a, b) => Math.max(a, b ?? 0), examStartMs(c.n));
  return {
    format: SCENARIO_FORMAT,
    id: `hall-${c.mech}-${c.pattern}-${c.n}-${c.seed}`,
    title: {
      en: `The exam hall: ${c.n} students, ${c.mech}`,
      zh: `考场：${c.n} 名学生，${c.mech}`,
    },
    seed: c.seed,
    model: c.mech,
    // Room for everyone: the whole class may connect at once (backlog), and past 1024 fds
    // (ulimit -n raised, as a real server would) so that only select's own limit is in the way.
    options: { backlog: Math.min(4096, Math.max(5, c.n)), fdLimit: Math.max(1024, c.n + 64) },
    clients,
    untilMs: Math.ceil(last + LEAVE_AFTER_MS + 20),
  };
}

/* ── the room, in metres ── */

export interface Point {
  x: number;
  y: number;
}
export interface HallGeometry {
  n: number;
  cols: number;
  rows: number;
  /** The room's inner size. */
  width: number;
  depth: number;
  teacher: Point;
  door: Point;
  /** Where the first row sits. */
  front: number;
  /** How much bigger the front of a big hall is (the teacher's desk, the board, the lamp grow with it). */
  scale: number;
}
/** Desk pitch across a row and between rows. */
export const DESK_DX = 1.2;
export const DESK_DY = 1.5;

export function hallGeometry(n: number): HallGeometry {
  // A room about as deep as it is wide: 30 students sit in 5 rows of 6.
  const cols = Math.max(1, Math.round(Math.sqrt(n * 1.25)));
  const rows = Math.max(1, Math.ceil(n / cols));
  const scale = Math.max(1, (cols * DESK_DX) / 10);
  const width = Math.max(cols * DESK_DX + 2 * DESK_DX, 4.8 * scale);
  const front = 3 * scale;
  return {
    n,
    cols,
    rows,
    width,
    depth: front + (rows - 1) * DESK_DY + 1.1,
    front,
    scale,
    teacher: { x: width / 2, y: 1.35 * scale },
    door: { x: 0, y: 1.35 * scale },
  };
}

/** Row and column of student k's desk: rows fill from the front, snaking, so the teacher walks them in order. */
export function deskCell(g: HallGeometry, k: number): { row: number; col: number } {
  const row = Math.floor(k / g.cols);
  const c = k % g.cols;
  return { row, col: row % 2 === 0 ? c : g.cols - 1 - c };
}

export function deskPoint(g: HallGeometry, k: number): Point {
  const { row, col } = deskCell(g, k);
  const left = (g.width - (g.cols - 1) * DESK_DX) / 2;
  return { x: left + col * DESK_DX, y: g.front + row * DESK_DY };
}

export const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

/** Where the teacher is: at the desk, at the door, or at student k's desk. */
export type Place = 'desk' | 'door' | number;

/** How far in front of a desk the teacher stands (the aisle between two rows), and beside it (the aisle between two columns). */
const AISLE_FRONT = 0.72;
const AISLE_SIDE = DESK_DX / 2;

/** Where the teacher stands at a place: beside the teacher's desk, inside the door, in the aisle in front of a student's desk. */
export function standPoint(g: HallGeometry, place: Place): Point {
  if (place === 'desk') return { x: g.teacher.x + 1.35 * g.scale, y: g.teacher.y };
  if (place === 'door') return { x: g.door.x + 0.55, y: g.door.y };
  const d = deskPoint(g, place);
  return { x: d.x, y: d.y - AISLE_FRONT };
}

/**
 * The teacher's way from one place to another, keeping to the aisles: along a row's aisle when
 * both are in it, otherwise to the side aisle, down (or up) it, then along the other row.
 */
export function route(g: HallGeometry, from: Place, to: Place): Point[] {
  const a = standPoint(g, from);
  const b = standPoint(g, to);
  if (typeof from !== 'number' && typeof to !== 'number' && from !== to) {
    // Between the teacher's desk and the door: round the front of the desk.
    const y = g.teacher.y + 0.6 * g.scale;
    return [a, { x: a.x, y }, { x: b.x, y }, b];
  }
  if (Math.abs(a.y - b.y) < 1e-9) return [a, b];
  const side = typeof from === 'number' ? a.x + AISLE_SIDE : a.x;
  return [a, { x: side, y: a.y }, { x: side, y: b.y }, b];
}

export function routeLength(points: readonly Point[]): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++) sum += dist(points[i - 1]!, points[i]!);
  return sum;
}
