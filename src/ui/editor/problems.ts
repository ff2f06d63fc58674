/**
 * The validator's problems (src/scenarios/format.ts, English: the CLI's public wording) in the
 * reader's language. Each rule recognises one of its messages and names a message key whose
 * template says the same thing; a message no rule knows stays in English, as the CLI prints it.
 */
import type { T } from '../hooks.ts';

const NUM = '(-?[\\d.]+)';
const RULES: [RegExp, string, string[]][] = [
  [new RegExp(`^must be a whole number from ${NUM} to ${NUM}$`), 'problem.int', ['min', 'max']],
  [new RegExp(`^must be a number from ${NUM} to ${NUM}$`), 'problem.num', ['min', 'max']],
  [new RegExp(`^must be a number above ${NUM} and at most ${NUM}$`), 'problem.numAbove', ['min', 'max']],
  [new RegExp(`^must be a time in ms from ${NUM} to ${NUM}$`), 'problem.time', ['min', 'max']],
  [/^must be one of (.+)$/, 'problem.oneOf', ['values']],
  [/^must be 1–64 lower-case letters, digits or dashes$/, 'problem.id', []],
  [/^must be 1–32 letters, digits, spaces, dots, dashes or underscores$/, 'problem.name', []],
  [/^must be a non-empty string of at most (\d+) characters$/, 'problem.text', ['max']],
  [/^applies only to (.+) \(this scenario's model is (.+)\)$/, 'problem.appliesOnly', ['models', 'model']],
  [/^the epoll pitfall is an edge-triggered bug/, 'problem.epollPitfall', []],
  [/^the chat-room pitfall is the article's select\(\) server/, 'problem.chatPitfall', []],
  [/^"(.+)" is used by another client$/, 'problem.nameUsed', ['name']],
  [/^a send needs non-empty "data"$/, 'problem.sendData', []],
  [/^is longer than (\d+) bytes$/, 'problem.tooLong', ['max']],
  [/^only "send" takes data \(this action is "(.+)"\)$/, 'problem.onlySend', ['kind']],
  [/^comes after the client already closed or reset its connection$/, 'problem.afterEnd', []],
  [/^a client connects once$/, 'problem.connectOnce', []],
  [/^"(.+)" before "connect": the first action must be a connect$/, 'problem.beforeConnect', ['kind']],
  [/^has (\d+) clients; at most (\d+)$/, 'problem.tooManyClients', ['n', 'max']],
  [/^has (\d+) actions; at most (\d+)$/, 'problem.tooManyActions', ['n', 'max']],
  [/^is not a known field/, 'problem.unknownField', []],
  [/^is not a known option$/, 'problem.unknownOption', []],
  [/^model python needs the program/, 'problem.programMissing', []],
  [/^must be an object \{"language": "python", "source": "\.\.\."\}$/, 'problem.programObject', []],
  [/^must be the program's text, at most (\d+) characters$/, 'problem.programSource', ['max']],
  [/^is set by the program itself \(model python\)$/, 'problem.programSets', []],
  [/^contains the control character (U\+[0-9A-F]+) \(character (\d+)\)/, 'problem.control', ['char', 'at']],
  [/^contains the bidirectional control (U\+[0-9A-F]+) \(character (\d+)\)/, 'problem.bidi', ['char', 'at']],
  [/^contains a lone surrogate (U\+[0-9A-F]+) \(character (\d+)\)/, 'problem.surrogate', ['char', 'at']],
  [/^is not valid UTF-8: byte (0x[0-9A-F]{2}) at byte offset (\d+)$/, 'problem.notUtf8', ['byte', 'offset']],
  [
    /^is not valid (UTF-16[LB]E): it has an odd number of bytes \((\d+)\)$/,
    'problem.utf16Odd',
    ['encoding', 'n'],
  ],
  [
    /^is not valid (UTF-16[LB]E): a lone surrogate (0x[0-9A-F]+) at byte offset (\d+)$/,
    'problem.utf16Surrogate',
    ['encoding', 'unit', 'offset'],
  ],
  [/^looks like UTF-16 without a byte-order mark/, 'problem.utf16NoBom', []],
  [/^is not valid JSON: (.+)$/s, 'problem.notJson', ['detail']],
];

/** The problem in the reader's language, and the language it ended up in. */
export function localProblem(t: T, message: string): { text: string; translated: boolean } {
  const got = /^(.*?) \(got (.*)\)$/s.exec(message);
  const core = got ? got[1]! : message;
  for (const [re, key, names] of RULES) {
    const m = re.exec(core);
    if (!m) continue;
    const params = Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? '']));
    return { text: `${t(key, params)}${got ? t('problem.got', { value: got[2]! }) : ''}`, translated: true };
  }
  return { text: message, translated: false };
}
