/** The scenario validator's problems, worded for the page (src/ui/editor/problems.ts). */
import type { Messages } from '../../core.ts';

export default {
  'problem.got': ' (got {value})',
  'problem.int': 'must be a whole number from {min} to {max}',
  'problem.num': 'must be a number from {min} to {max}',
  'problem.numAbove': 'must be a number above {min} and at most {max}',
  'problem.time': 'must be a time in ms from {min} to {max}',
  'problem.oneOf': 'must be one of {values}',
  'problem.id': 'must be 1–64 lower-case letters, digits or dashes',
  'problem.name': 'must be 1–32 letters, digits, spaces, dots, dashes or underscores',
  'problem.text': 'must be a non-empty text of at most {max} characters',
  'problem.appliesOnly': "applies only to {models} (this scenario's model is {model})",
  'problem.epollPitfall': 'the epoll pitfall is an edge-triggered bug: set trigger to "edge" too',
  'problem.chatPitfall':
    'the chat-room pitfall is the article\'s select() server: set mechanism to "select" (or leave it empty)',
  'problem.nameUsed': '"{name}" is used by another client',
  'problem.sendData': 'a send needs data',
  'problem.tooLong': 'is longer than {max} bytes',
  'problem.onlySend': 'only a send takes data (this action is {kind})',
  'problem.afterEnd': 'comes after the client already closed or reset its connection',
  'problem.connectOnce': 'a client connects once',
  'problem.beforeConnect': '"{kind}" before "connect": the first action must be a connect',
  'problem.tooManyClients': 'has {n} clients; at most {max}',
  'problem.tooManyActions': 'has {n} actions; at most {max}',
  'problem.unknownField': 'is not a known field',
  'problem.unknownOption': 'is not a known option',
  'problem.programMissing': 'a python scenario needs its program: {"language": "python", "source": "..."}',
  'problem.programObject': 'must be an object {"language": "python", "source": "..."}',
  'problem.programSource': "must be the program's text, at most {max} characters",
  'problem.programSets': 'is set by the program itself (model python)',
  'problem.control': 'contains the control character {char} (character {at}); it must be plain text',
  'problem.bidi':
    'contains the bidirectional control {char} (character {at}), which reorders the text around it; it must be plain text',
  'problem.surrogate':
    'contains a lone surrogate {char} (character {at}), which is not Unicode text and cannot be sent as UTF-8',
  'problem.notUtf8': 'is not valid UTF-8: byte {byte} at byte offset {offset}',
  'problem.utf16Odd': 'is not valid {encoding}: it has an odd number of bytes ({n})',
  'problem.utf16Surrogate': 'is not valid {encoding}: a lone surrogate {unit} at byte offset {offset}',
  'problem.utf16NoBom':
    'looks like UTF-16 without a byte-order mark: save it as UTF-8 (or as UTF-16 with a BOM)',
  'problem.notJson': 'is not valid JSON: {detail}',
} satisfies Messages;
