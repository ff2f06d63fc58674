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
  'problem.appliesOnly': 'applies only to {models} (this scenario\'s model is {model})',
  'problem.epollPitfall': 'the epoll pitfall is an edge-triggered bug: set trigger to "edge" too',
  'problem.chatPitfall': 'the chat-room pitfall is the article\'s select() server: set mechanism to "select" (or leave it empty)',
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
} satisfies Messages;
