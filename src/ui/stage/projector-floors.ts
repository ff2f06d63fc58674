/**
 * What the stage view's tests hold it to (projector.test.ts and e2e/classroom.spec.ts): 20 px
 * at 1280×720 for every shipped scenario but these. Scenarios whose stage view still draws text under 20 px at some step (too many threads or
 * sockets for this layout), with the smallest size measured now: a floor, so it only goes up.
 */
export const STILL_SMALL: Record<string, number> = {
  asyncio: 17,
  'blocking-backlog-full': 19.5,
  'chat-order-burst-epoll': 16,
  'chat-order-burst-poll': 16.5,
  'chat-order-burst': 16.5,
  'chat-order-far': 16,
  poll: 18,
  'prethreaded-accept': 17.5,
  'process-per-connection': 16.5,
  'select-chat-epoll': 18,
  'select-chat-pitfall': 16.5,
  'select-chat-poll': 18.5,
  'select-chat': 18.5,
  selectors: 18.5,
  'signal-driven': 18.5,
  'thread-per-connection': 17.5,
  'thread-pool': 17.5,
};
