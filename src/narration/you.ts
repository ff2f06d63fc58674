/**
 * The student's own client is named "you" (src/scenarios/student.ts): in a sentence it is "your
 * client" ("your client has no connection", "your client’s connection"), never "you has" or
 * "you’s"; in Chinese 你的客户端. Other names are left as they are. Pure.
 */
import { translate, type Lang } from '../i18n/index.ts';
import { studentClientNumber } from '../scenarios/student.ts';

type Params = Record<string, string | number>;

/** How a sentence names a client: "your client" (2, 3… for the next ones) for the student's own. */
export function clientInSentence(lang: Lang, name: string): string {
  const n = studentClientNumber(name);
  if (n === null) return name;
  return n === '' ? translate(lang, 'narr.client.you') : translate(lang, 'narr.client.youN', { n });
}

const CJK = '[\\u3000-\\u30ff\\u4e00-\\u9fff\\uff00-\\uffef]';
const YOURS_ZH = '你的(?:第 \\d+ 个)?客户端';

/**
 * translate(), with a `{client}` that is the student's own worded as a noun of the sentence; a
 * sentence that opens with it (or with a phrase already worded so: "your client’s connection")
 * opens with a capital.
 */
export function translateClient(lang: Lang, key: string, params?: Params): string {
  const name = params?.client;
  const own = typeof name === 'string' && studentClientNumber(name) !== null;
  const text = translate(lang, key, own ? { ...params, client: clientInSentence(lang, name) } : params);
  if (lang === 'zh') {
    if (!text.includes('你的')) return text;
    // Chinese words next to Chinese text take no space (a Latin name did).
    return text
      .replace(new RegExp(`(${YOURS_ZH}) (?=${CJK})`, 'g'), '$1')
      .replace(new RegExp(`(?<=${CJK}) (${YOURS_ZH})`, 'g'), '$1');
  }
  // A phrase ("your client’s connection") stays lower case; a sentence starts with a capital.
  if (!/[.!?]$/.test(text)) return text;
  return text.replace(/(^|[.!?]\s+)your client\b/g, '$1Your client');
}
