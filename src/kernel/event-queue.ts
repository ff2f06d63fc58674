/**
 * Timed kernel events ordered by (time, sequence): ties keep insertion order.
 *
 * Events due at the same nanosecond share one bucket, a FIFO in sequence order, and a binary
 * min-heap orders the distinct times only. A crowd of clients whose timers or packets fall due
 * together (100,000 idle connections retrying their SYN every second) then costs O(1) per event
 * instead of a walk down a heap of every pending event: same order, less work.
 */
export interface Timed {
  t: number;
  seq: number;
}

interface Bucket<T> {
  t: number;
  items: T[];
  head: number;
}

export class EventQueue<T extends Timed> {
  /** Min-heap of the buckets' times (each time once). */
  private readonly times: number[] = [];
  private readonly buckets = new Map<number, Bucket<T>>();
  /** The bucket of the earliest time (times[0]), or null when empty. */
  private top: Bucket<T> | null = null;
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    this.count++;
    const bucket = this.buckets.get(item.t);
    if (bucket) {
      const items = bucket.items;
      // The kernel numbers events as it queues them, so an append keeps the order; any other
      // caller's item goes to its place among the ones not yet taken.
      let i = items.length;
      while (i > bucket.head && items[i - 1]!.seq > item.seq) i--;
      if (i === items.length) items.push(item);
      else items.splice(i, 0, item);
      return;
    }
    const fresh: Bucket<T> = { t: item.t, items: [item], head: 0 };
    this.buckets.set(item.t, fresh);
    siftUp(this.times, item.t);
    if (this.top === null || item.t < this.top.t) this.top = fresh;
  }

  peek(): T | undefined {
    const top = this.top;
    return top === null ? undefined : top.items[top.head];
  }

  pop(): T | undefined {
    const top = this.top;
    if (top === null) return undefined;
    const item = top.items[top.head++]!;
    this.count--;
    if (top.head === top.items.length) {
      this.buckets.delete(top.t);
      popMin(this.times);
      this.top = this.times.length > 0 ? this.buckets.get(this.times[0]!)! : null;
    }
    return item;
  }
}

function siftUp(heap: number[], t: number): void {
  heap.push(t);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent]! <= t) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = t;
}

function popMin(heap: number[]): void {
  const last = heap.pop()!;
  const n = heap.length;
  if (n === 0) return;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const child = r < n && heap[r]! < heap[l]! ? r : l;
    if (heap[child]! >= last) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
}
