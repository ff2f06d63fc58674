/**
 * A step's view without copying the machine: the step's events are folded (by view.ts's own
 * `applyEvent`) into a copy-on-write overlay of the view before. An object is copied the first
 * time an event writes to it, with the objects on the way to it from the root; every object no
 * event wrote to is shared with the view before. A step on a 10,000-socket machine then copies
 * the few objects the step changed, not 10,000 sockets (a full clone took 50–250 ms there).
 * Safe because views are never written once built (trace-index.ts hands them out read-only);
 * the overlay never writes to the view it starts from, nor to objects the events carry.
 */
import type { TraceEvent } from './types.ts';
import { applyEvent, type MachineView } from './view.ts';

type Obj = Record<PropertyKey, unknown>;

/** Where an object sits: in its parent's `key`, or at the root. */
interface Node {
  obj: Obj;
  parent: Node | null;
  key: PropertyKey;
}

const READS = new Set(['includes', 'indexOf', 'filter', 'slice']);
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null;

/** `base` with `trace[from…to)` applied, sharing what they did not touch. `base` is not changed. */
export function applyShared(
  base: MachineView,
  trace: readonly TraceEvent[],
  from: number,
  to: number,
): MachineView {
  const copyOf = new Map<object, Obj>(); // an object reached → the copy written instead
  const owned = new Set<object>(); // the copies made here (free to write in place)
  const nodeOf = new WeakMap<object, Node>(); // a proxy → where it points
  const root: Node = { obj: base as unknown as Obj, parent: null, key: '' };
  const cur = (n: Node): Obj => copyOf.get(n.obj) ?? n.obj;

  const writable = (n: Node): Obj => {
    const c = cur(n);
    if (owned.has(c)) return c;
    const copy = (Array.isArray(c) ? c.slice() : { ...c }) as Obj;
    owned.add(copy);
    copyOf.set(n.obj, copy);
    if (n.parent) writable(n.parent)[n.key] = copy;
    return copy;
  };
  /** A value about to be stored: proxies become the objects they stand for, at any depth of a new object. */
  const unwrap = (x: unknown): unknown => {
    if (!isObj(x)) return x;
    const n = nodeOf.get(x);
    if (n) return cur(n);
    if (owned.has(x)) return x;
    let out: Obj | null = null;
    for (const k of Object.keys(x)) {
      const v = x[k];
      const u = unwrap(v);
      if (u !== v) {
        out ??= (Array.isArray(x) ? x.slice() : { ...x }) as Obj;
        out[k] = u;
      }
    }
    return out ?? x;
  };
  const wrap = (n: Node): Obj => {
    const children = new Map<PropertyKey, { obj: unknown; proxy: Obj }>();
    const get = (key: PropertyKey): unknown => {
      const c = cur(n);
      // Array methods that read (with pure callbacks, as view.ts's folds pass) run on the array
      // itself, not element by element through this proxy: a 4,096-entry accept queue or ready
      // list is looked through at native speed. What they return is stored like any new value.
      if (Array.isArray(c) && typeof key === 'string' && READS.has(key))
        return (...args: unknown[]) =>
          (c[key as keyof unknown[]] as (...a: unknown[]) => unknown).apply(c, args);
      const v = c[key];
      // Objects go out as proxies, copies too: what they hold may still be shared.
      if (!isObj(v)) return v;
      const known = children.get(key);
      if (known && known.obj === v) return known.proxy;
      const proxy = wrap({ obj: v, parent: n, key });
      children.set(key, { obj: v, proxy });
      return proxy;
    };
    const proxy = new Proxy((Array.isArray(n.obj) ? [] : {}) as Obj, {
      get: (_t, key) => get(key),
      set: (_t, key, value) => {
        writable(n)[key] = unwrap(value);
        children.delete(key);
        return true;
      },
      deleteProperty: (_t, key) => {
        delete writable(n)[key];
        children.delete(key);
        return true;
      },
      has: (_t, key) => key in cur(n),
      ownKeys: () => Reflect.ownKeys(cur(n)),
      getOwnPropertyDescriptor: (t, key) => {
        const d = Reflect.getOwnPropertyDescriptor(cur(n), key);
        if (!d) return undefined;
        // An array's length is the one property the (array) target must report as it is.
        if (key === 'length' && Array.isArray(t)) return { ...d, value: cur(n).length };
        return { value: get(key), writable: true, enumerable: d.enumerable ?? true, configurable: true };
      },
      defineProperty: (_t, key, d) => {
        writable(n)[key] = unwrap(d.value);
        children.delete(key);
        return true;
      },
    });
    nodeOf.set(proxy, n);
    return proxy;
  };

  const view = wrap(root) as unknown as MachineView;
  for (let i = from; i < to; i++) applyEvent(view, trace[i]!);
  return cur(root) as unknown as MachineView;
}
