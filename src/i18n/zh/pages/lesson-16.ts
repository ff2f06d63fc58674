/** 第 16 课（中文；英文见 src/i18n/en/pages/lesson-16.ts，键完全相同）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.16.title': 'select 聊天室和它的两道思考题',
  'lesson.16.summary':
    '五个客户端按 5、4、3、2、1 的顺序发言，服务器按什么顺序回复？一个客户端离开时，服务器怎样才能不受影响？',
  'lesson.16.room.title': '聊天室',
  'lesson.16.room.b1':
    '原文的聊天室在 select 里等待；对每个可读的客户端，它读出消息，再用 input() 回复，而 input() 要等管理员敲完一行。这里管理员每条回复要花 1 秒，整个服务器都陪着一起等。',
  'lesson.16.room.b2':
    '原文问：(1) 五个客户端按 5、4、3、2、1 的顺序发消息，服务器按什么顺序回复？(2) 怎样让一个客户端退出而不影响其他人？这次运行用 c1–c5 五个客户端把两个问题都演了一遍，另外还有第六个客户端 zoe，她在第三轮最先发言，让管理员忙起来：先是三轮发言，然后 c{who} 离开。',
  'lesson.16.r1.title': '第一轮：间隔很远',
  'lesson.16.r1.b1':
    'c5 已经说过话，也收到了回复。现在 c4 开口，比 c5 晚 {gap} 毫秒；c3、c2、c1 也会按同样的节奏跟上。每次服务器都闲在 select 里。',
  'lesson.16.r1.q': '下一个得到回复的是哪个客户端？',
  'lesson.16.r1.explain':
    '每条消息到达时服务器都在 select 里等着，所以 select 每次只返回这一个：回复顺序就是发言顺序，{order}。',
  'lesson.16.r2.title': '第二轮：趁管理员打字的时候',
  'lesson.16.r2.b1':
    '这次五个人每隔 {gap} 毫秒说一句。c5 的消息先唤醒了 select，服务器正睡在 input()（也就是 `read(0)`）里，等管理员给 c5 打回复。c4、c3、c2、c1 在这期间陆续到达，在各自的接收缓冲区里等着。',
  'lesson.16.r2.q': 'c5 先得到回复。c5 之后，下一个得到回复的是谁？',
  'lesson.16.r2.explain':
    '顺序是 {order}。下一次 select 一下子发现四个套接字都可读，并按程序传进去的列表顺序返回它们，也就是客户端连接的先后顺序，而不是发言的顺序。',
  'lesson.16.r3.title': '第三轮：全都赶上服务器在忙',
  'lesson.16.r3.b1': '这次 zoe 抢先说了话，所以 c5、c4、c3、c2、c1 发言时，管理员一直在忙着回复 zoe。',
  'lesson.16.r3.q': '回复完 zoe 之后，五个人里谁先得到回复？',
  'lesson.16.r3.explain':
    '顺序是 {order}：下一次调用 select 时五个都已就绪，所以按列表顺序返回。对原文这道题的老实回答是：要看时机。',
  'lesson.16.mechanism.title': '还要看用的是哪种机制',
  'lesson.16.mechanism.b1':
    '按第二轮的时机，分别用三种机制各跑一遍：select 的回复顺序是 {select}；poll 是 {poll}；epoll 是 {epoll}。select 和 poll 按传入列表的顺序报告；epoll 按套接字变为就绪的先后报告（也就是它的就绪列表）。',
  'lesson.16.mechanism.b2':
    '自己试试，在实验室里打开：\n• [[chat-order-burst]]\n• [[chat-order-burst-poll]]\n• [[chat-order-burst-epoll]]\n• 第一轮的情形：[[chat-order-far]]',
  'lesson.16.leave.title': 'c{who} 离开了',
  'lesson.16.leave.b1':
    "c{who} 正常关闭了它的套接字（发出 FIN）。select 报告它可读，recv 返回 b''，也就是 0 个字节。原文的服务器没有检查这种情况：它把 b'' 当成一条消息，请管理员回复。",
  'lesson.16.leave.q': '服务器会怎样？',
  'lesson.16.c.survives': '没什么事，照常运行',
  'lesson.16.c.first': '第一次回复离开的客户端时就崩溃',
  'lesson.16.c.second': '第一次回复能发出去，第二次才让它崩溃',
  'lesson.16.leave.explain':
    "第一次 send 成功了：数据发了出去，已离开的客户端的内核回了一个 RST。这个套接字仍然可读（又是 b''），服务器再回复一次，这次 send 以 {error} 失败，而且没有任何代码捕获它。",
  'lesson.16.dead.title': '所有人都失去了服务器',
  'lesson.16.dead.b1':
    '未捕获的 {error} 终结了进程：Python 打印出异常回溯，内核关闭所有套接字。c{asker} 问了一句 “still there?”，永远等不到回答了。一个客户端的离开，拖垮了整个聊天室。',
  'lesson.16.fix.title': '修正：离开了就当它离开了',
  'lesson.16.fix.b1':
    "把三种情况都当作“这个客户端走了”：recv 返回 b''、ConnectionResetError（客户端重置了连接）、BrokenPipeError（往已经不在的客户端写数据）。遇到任何一种，都把这个套接字从 select 的列表里删掉（或取消注册），关闭它，然后继续服务其他人。",
  'lesson.16.fix.b2':
    '同样的场景换成修正后的服务器再跑一遍：c{asker} 的 “still there?” 收到了 {answers} 条回复，聊天室照常运转。在实验室里一步步看修正后的服务器：[[select-chat]]。',
} satisfies Messages;
