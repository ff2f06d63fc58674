/**
 * Scenarios and fast-check generators for the tests of a scenario in a link, shared by the layers
 * that test it: the link itself (src/scenarios), its reasons (src/i18n), the store (src/store)
 * and the file bar (src/ui/share).
 */
import fc from 'fast-check';
import { encodeScenario } from './link.ts';
import { SCENARIOS } from './index.ts';
import type { Scenario } from './format.ts';

/** The biggest scenario the stage draws: every client connects, sends twice (one message in Chinese) and closes. */
export function big(): Scenario {
  return {
    format: 'iolab/scenario@1',
    id: 'many-clients',
    title: { en: 'Many clients', zh: '很多客户端' },
    seed: 7,
    model: 'epoll',
    options: { trigger: 'edge' },
    clients: Array.from({ length: 300 }, (_, i) => ({
      name: `client-${i}`,
      actions: [
        { at: i * 0.5, do: 'connect' },
        { at: i * 0.5 + 10, do: 'send', data: `hello ${i}` },
        { at: i * 0.5 + 20, do: 'send', data: '你好' },
        { at: i * 0.5 + 30.25, do: 'close' },
      ],
    })),
  };
}

const GOOD = SCENARIOS.map(encodeScenario);
const b64 = (text: string): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A good link changed: cut, a character replaced, a piece inserted. */
export const mutated = fc
  .tuple(
    fc.constantFrom(...GOOD),
    fc.nat(),
    fc.nat(),
    fc.string({ maxLength: 6 }),
    fc.constantFrom('cut', 'replace', 'insert'),
  )
  .map(([text, i, j, piece, how]) => {
    const at = i % (text.length + 1);
    if (how === 'cut') return text.slice(0, at);
    if (how === 'replace') return `${text.slice(0, at)}${piece || 'A'}${text.slice(at + 1 + (j % 4))}`;
    return `${text.slice(0, at)}${piece}${text.slice(at)}`;
  });
const anyJson = fc.jsonValue({ maxDepth: 4 }).map((v) => `1.${b64(JSON.stringify(v) ?? 'null')}`);
/** Almost a scenario: a shipped one with one field set to anything. */
export const nearScenario = fc
  .tuple(
    fc.constantFrom(...SCENARIOS),
    fc.constantFrom('id', 'seed', 'model', 'clients', 'options', 'untilMs', 'title', 'format', 'extra'),
    fc.jsonValue({ maxDepth: 3 }),
  )
  .map(([s, key, value]) => `1.${b64(JSON.stringify({ ...s, [key]: value }))}`);
/** Any `s=` value: garbage, binary, a good link changed, base64url of any JSON, almost a scenario. */
export const linkValues = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `1.${s}`),
  mutated,
  anyJson,
  nearScenario,
);
