import { describe, expect, it } from 'vitest';
import { ensureMessages } from '../i18n/index.ts';
import { clientInSentence, translateClient } from './you.ts';

await ensureMessages('zh');

describe('the student’s own client in a sentence', () => {
  it('is "your client" in English: no "you has", no "you’s", a capital at a sentence’s start', () => {
    expect(translateClient('en', 'narr.fd.conn', { client: 'you' })).toBe('your client’s connection');
    expect(translateClient('en', 'narr.wake.fin', { client: 'you', who: 'MainThread' })).toMatch(
      /^Your client closed its end/,
    );
    expect(translateClient('en', 'narr.fd.conn', { client: 'you2' })).toBe('your client 2’s connection');
    for (const text of [
      translateClient('en', 'narr.fd.conn', { client: 'you' }),
      translateClient('en', 'narr.fd.pending', { client: 'you3' }),
    ])
      expect(text).not.toMatch(/\byou\d*(’s|\s+has)\b/);
  });

  it('is 你的客户端 in Chinese, with no space beside Chinese text', () => {
    expect(translateClient('zh', 'narr.fd.conn', { client: 'you' })).toBe('你的客户端的连接');
    expect(clientInSentence('zh', 'you2')).toBe('你的第 2 个客户端');
  });

  it('leaves every other name as it is', () => {
    expect(translateClient('en', 'narr.fd.conn', { client: 'ann' })).toBe('ann’s connection');
    expect(translateClient('en', 'narr.fd.conn', { client: 'young' })).toBe('young’s connection');
    expect(translateClient('zh', 'narr.fd.conn', { client: 'ann' })).toBe('ann 的连接');
  });
});
