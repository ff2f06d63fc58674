/** The glossary's terms and the matcher that links them from the narration. */
import { describe, expect, it } from 'vitest';
import { GLOSSARY_TERMS, glossaryHref, linkTerms } from './glossary-terms.ts';
import type { Messages } from './core.ts';
import en from './en/pages/glossary.ts';
import zh from './zh/pages/glossary.ts';

const NARRATION = import.meta.glob<Messages>('./*/narration.ts', { eager: true, import: 'default' });
const linked = (text: string, lang: 'en' | 'zh') =>
  linkTerms(text, lang)
    .filter((r) => r.term)
    .map((r) => [r.text, r.term]);

describe('glossary terms', () => {
  it('have unique, URL-safe ids, phrases in both languages, and a name and definition in both', () => {
    const ids = GLOSSARY_TERMS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const term of GLOSSARY_TERMS) {
      expect(term.id).toMatch(/^[a-z0-9-]+$/);
      expect(term.phrases.en.length).toBeGreaterThan(0);
      expect(term.phrases.zh.length).toBeGreaterThan(0);
      for (const m of [en, zh] as Messages[]) {
        expect(m[`glossary.term.${term.id}`], term.id).toBeTruthy();
        expect(m[`glossary.def.${term.id}`], term.id).toBeTruthy();
      }
    }
    expect(glossaryHref('epoll-ready-list')).toBe('#/glossary?term=epoll-ready-list');
  });

  it('covers the terms the course promises', () => {
    const ids = new Set(GLOSSARY_TERMS.map((t) => t.id));
    for (const id of [
      'fd',
      'file-description',
      'socket',
      'receive-buffer',
      'accept-queue',
      'backlog',
      'wait-queue',
      'run-queue',
      'context-switch',
      'syscall',
      'user-kernel-space',
      'blocking',
      'nonblocking',
      'eagain',
      'blockingioerror',
      'select',
      'poll',
      'epoll-interest-list',
      'epoll-ready-list',
      'level-triggered',
      'edge-triggered',
      'epolloneshot',
      'sigio',
      'io-uring',
      'gil',
      'event-loop',
      'coroutine',
      'c10k',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });
});

describe('linkTerms', () => {
  it('links the first occurrence of each term only, sharing what was linked across calls', () => {
    expect(linked('The wait queue of fd 5 and the wait queue of fd 6.', 'en')).toEqual([
      ['wait queue', 'wait-queue'],
      ['fd', 'fd'],
    ]);
    const used = new Set<string>();
    linkTerms('the ready list', 'en', used);
    expect(linkTerms('the ready list again', 'en', used).some((r) => r.term)).toBe(false);
  });

  it('prefers the longest phrase and respects word boundaries', () => {
    expect(linked('a non-blocking socket', 'en')).toEqual([
      ['non-blocking', 'nonblocking'],
      ['socket', 'socket'],
    ]);
    expect(linked('BlockingIOError while polling', 'en')).toEqual([['BlockingIOError', 'blockingioerror']]);
    expect(linked('Level-triggered epoll', 'en')).toEqual([
      ['Level-triggered', 'level-triggered'],
      ['epoll', 'epoll'],
    ]);
    expect(linked('the GIL, not gil', 'en')).toEqual([['GIL', 'gil']]);
  });

  it('never links part of a phrase already linked (非阻塞 is not 阻塞)', () => {
    expect(linked('非阻塞的套接字，又一个非阻塞调用', 'zh')).toEqual([
      ['非阻塞', 'nonblocking'],
      ['套接字', 'socket'],
    ]);
    expect(linked('线程阻塞在等待队列上', 'zh')).toEqual([
      ['阻塞', 'blocking'],
      ['等待队列', 'wait-queue'],
    ]);
  });

  it('keeps every narration template intact, in both languages', () => {
    for (const [path, messages] of Object.entries(NARRATION)) {
      const lang = path.includes('/zh/') ? 'zh' : 'en';
      let links = 0;
      for (const text of Object.values(messages)) {
        const runs = linkTerms(text, lang);
        expect(runs.map((r) => r.text).join('')).toBe(text);
        links += runs.filter((r) => r.term).length;
      }
      expect(links, path).toBeGreaterThan(50);
    }
  });
});
