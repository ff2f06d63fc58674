/** 第 15 课（中文；英文见 src/i18n/en/pages/lesson-15.ts，键完全相同）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.15.title': '轮询与带超时的 select',
  'lesson.15.summary':
    '原文结尾的两个例子，面对同一个客户端：各自要过多久才读到消息，又有多少次调用白跑一趟。',
  'lesson.15.two.title': '两种不阻塞的办法',
  'lesson.15.two.b1':
    '原文最后给了两个服务器。一个是非阻塞的：它尝试 accept 和 recv，失败了就睡一会儿再试，这里每轮之间睡 {tick} 毫秒。另一个调用带 {tick} 毫秒超时的 select，所以它也会定期拿回控制权。',
  'lesson.15.two.b2':
    '本课运行的是轮询的服务器；select 服务器在后台用同一份客户端脚本跑过一遍。两者都会每隔一段时间醒来，区别在于是什么把它们叫醒。',
  'lesson.15.empty.title': '白问一趟',
  'lesson.15.empty.b1':
    '没有已完成的连接在等着：accept 以 BlockingIOError（EAGAIN）失败，这是一次什么也没干成的系统调用。循环会睡 {tick} 毫秒再来问。',
  'lesson.15.late.title': '消息在睡眠中途到达',
  'lesson.15.late.b1':
    'ann 的 “hello” 刚刚落进接收缓冲区。服务器正睡在 time.sleep() 里：没有任何东西会提前叫醒它。',
  'lesson.15.late.q': '“hello” 要在内核里等多久，才会被这个服务器读走？',
  'lesson.15.c.wait.now': '不到一毫秒',
  'lesson.15.c.wait.tick': '最多一个睡眠间隔',
  'lesson.15.c.wait.more': '超过一个睡眠间隔',
  'lesson.15.late.explain':
    '它等了 {ms} 毫秒，直到睡眠结束。select 服务器睡在套接字的等待队列上，数据一到就被它叫醒，{selectUs} 微秒后就读到了。轮询的延迟则是 0 到 {tick} 毫秒之间的任意值。',
  'lesson.15.count.title': '算总账',
  'lesson.15.count.b1': '运行结束了（虚拟时间 {ms} 毫秒）。',
  'lesson.15.count.q': '这个服务器的调用里，有多少次什么也没拿到（EAGAIN）？',
  'lesson.15.c.waste.none': '一次也没有',
  'lesson.15.c.waste.few': '1 到 5 次',
  'lesson.15.c.waste.some': '6 到 20 次',
  'lesson.15.c.waste.many': '超过 20 次',
  'lesson.15.count.explain':
    '它的 {calls} 次 accept 和 recv 调用中，有 {wasted} 次返回 EAGAIN。select 服务器一共发出 {selectCalls} 次调用，其中有 {selectWasted} 次 select 一直等到超时才返回，什么也没报告。',
  'lesson.15.verdict.title': '超时到底有什么用',
  'lesson.15.verdict.b1':
    '轮询把延迟和睡眠时间绑在了一起：睡得短，CPU 浪费在空调用上；睡得长，每条消息都要多等。select 在内核里等待，由数据本身叫醒，所以不管超时设多少，延迟都接近于零；{tick} 毫秒的超时只决定没事发生时程序多久拿回一次控制权（用来做些杂事，或者发现该退出了）。',
  'lesson.15.verdict.b2': '这就是多路复用胜出的原因：内核同时盯着许多套接字，在恰好有活干的时候叫醒程序。',
} satisfies Messages;
