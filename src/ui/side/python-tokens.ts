/**
 * A small Python tokenizer for colouring one line of a listing: keywords, strings (with their
 * prefixes and triple quotes), comments, numbers, constants, builtins and the names a `def` or
 * `class` introduces. Enough for the teaching listings; anything it does not know stays plain.
 */
export type TokenKind = 'kw' | 'str' | 'com' | 'num' | 'const' | 'builtin' | 'fn' | 'deco' | 'plain';
export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set([
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
]);
const CONSTANTS = new Set(['True', 'False', 'None']);
const BUILTINS = new Set([
  'print',
  'input',
  'len',
  'list',
  'dict',
  'set',
  'bytes',
  'bytearray',
  'str',
  'int',
  'range',
  'enumerate',
  'isinstance',
  'BlockingIOError',
  'ConnectionResetError',
  'BrokenPipeError',
  'OSError',
  'InterruptedError',
  'Exception',
]);

const STRING =
  /^(?:[rRbBuUfF]{1,2})?(?:'''[\s\S]*?(?:'''|$)|"""[\s\S]*?(?:"""|$)|'(?:\\.|[^'\\])*(?:'|$)|"(?:\\.|[^"\\])*(?:"|$))/;
const NUMBER = /^(?:0[xX][0-9a-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?)/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function tokenizePython(line: string): Token[] {
  const out: Token[] = [];
  const push = (kind: TokenKind, text: string) => {
    const last = out[out.length - 1];
    if (last && last.kind === kind && kind === 'plain') last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  let afterDef = false;
  while (i < line.length) {
    const rest = line.slice(i);
    const c = line[i]!;
    if (c === '#') {
      push('com', rest);
      break;
    }
    let m: RegExpExecArray | null;
    if ((c === "'" || c === '"' || /^[rRbBuUfF]{1,2}['"]/.test(rest)) && (m = STRING.exec(rest))) {
      push('str', m[0]);
      i += m[0].length;
      continue;
    }
    if (c === '@' && (i === 0 || line.slice(0, i).trim() === '') && (m = /^@[A-Za-z_][\w.]*/.exec(rest))) {
      push('deco', m[0]);
      i += m[0].length;
      continue;
    }
    if (/\d/.test(c) && (i === 0 || !/[\w]/.test(line[i - 1]!)) && (m = NUMBER.exec(rest))) {
      push('num', m[0]);
      i += m[0].length;
      continue;
    }
    if ((m = NAME.exec(rest))) {
      const w = m[0];
      if (afterDef) {
        push('fn', w);
        afterDef = false;
      } else if (KEYWORDS.has(w)) {
        push('kw', w);
        afterDef = w === 'def' || w === 'class';
      } else if (CONSTANTS.has(w)) push('const', w);
      else if (BUILTINS.has(w) && line[i - 1] !== '.') push('builtin', w);
      else push('plain', w);
      i += w.length;
      continue;
    }
    push('plain', c);
    i++;
  }
  return out;
}
