/**
 * Custom scenarios too large for a link, kept in this browser (IndexedDB) under their id, so that
 * a reload of `#/<id>` (whose address cannot carry the scenario) shows them again. The last few
 * are kept; what comes back is checked by the validator like any file. Every failure (no
 * IndexedDB, a private mode, a quota, a slow disk) ends in "not kept", never in an error.
 */
import type { Scenario } from '../../scenarios/format.ts';
import { parseScenario } from '../../scenarios/format.ts';
import { findScenario } from '../../scenarios/index.ts';
import { scenarioJson } from '../../scenarios/link.ts';
import { rememberKept } from '../../store/kept.ts';

const DB = 'iolab';
const STORE = 'large-scenarios';
/** How many are kept (each may be a few MB): the oldest goes first. */
export const KEEP_AT_MOST = 3;
/** A lookup before the first render waits at most this long. */
const WAIT_MS = 2000;

interface Row {
  id: string;
  text: string;
  at: number;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(STORE, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('indexedDB.open failed'));
    req.onblocked = () => reject(new Error('indexedDB.open blocked'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** The scenario kept under `id`, checked by the validator, or null. */
export async function loadKept(id: string): Promise<Scenario | null> {
  try {
    const db = await open();
    try {
      const row = await new Promise<Row | undefined>((resolve, reject) => {
        const req = db.transaction(STORE, 'readonly').objectStore(STORE).get(id);
        req.onsuccess = () => resolve(req.result as Row | undefined);
        req.onerror = () => reject(req.error ?? new Error('get failed'));
      });
      if (!row || typeof row.text !== 'string') return null;
      const v = parseScenario(row.text);
      return v.ok && v.scenario.id === id ? v.scenario : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Keeps `s` under its id (and forgets all but the newest KEEP_AT_MOST); false when the browser would not. */
export async function saveKept(s: Scenario, now: number): Promise<boolean> {
  try {
    const db = await open();
    try {
      const tx = db.transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      store.put({ id: s.id, text: scenarioJson(s), at: now } satisfies Row);
      const all = await new Promise<Row[]>((resolve, reject) => {
        const req = store.getAll();
        req.onsuccess = () => resolve(req.result as Row[]);
        req.onerror = () => reject(req.error ?? new Error('getAll failed'));
      });
      const others = all.filter((r) => r.id !== s.id).sort((a, b) => b.at - a.at);
      for (const old of others.slice(KEEP_AT_MOST - 1)) store.delete(old.id);
      await done(tx);
      return true;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/**
 * Before the first render: when the address names a scenario that is neither shipped nor carried
 * (`s=`), look for it among the kept ones, so the store built from the address finds it.
 */
export async function restoreKept(id: string): Promise<void> {
  if (findScenario(id) || typeof indexedDB === 'undefined') return;
  const found = await Promise.race([
    loadKept(id),
    new Promise<null>((r) => setTimeout(() => r(null), WAIT_MS)),
  ]);
  if (found) rememberKept(found);
}
