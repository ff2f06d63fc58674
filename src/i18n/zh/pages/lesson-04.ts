/** 第 4 课文字（中文）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.04.title': '阻塞 I/O：一次只服务一个客户端',
  'lesson.04.summary':
    '最朴素的回显服务器：accept，然后读、回复，直到客户端离开。第二个客户端能顺利连上，然后就只能等第一个走。',
  'lesson.04.server.title': '回显服务器',
  'lesson.04.server.b1':
    "实验台右侧的程序是最简单的服务器：建一个监听套接字，然后无限循环：`accept()` 一个连接，在这个客户端还在的时候，`recv()` 它发来的字节，转成大写再 `send()` 回去。`recv()` 返回 `b''` 说明客户端关闭了连接：`close()`，回到 `accept()`。",
  'lesson.04.server.b2': '这些调用每一个都可能阻塞：`accept()` 要等客户端连上，`recv()` 要等客户端发来数据。',
  'lesson.04.server.b3': '两个客户端 ann 和 ben 会来和它对话。ann 先连。',
  'lesson.04.accept.title': '等客户端上门',
  'lesson.04.accept.b1': '服务器停在 `accept()` 里：它睡在监听套接字的等待队列上。',
  'lesson.04.accept.b2':
    '向前单步（→）看 ann 的三次握手：SYN、SYN-ACK、ACK。握手由内核完成；完成之后 `accept()` 才会醒来。',
  'lesson.04.recv.title': '现在卡在 recv() 里了',
  'lesson.04.recv.b1':
    '`accept()` 返回了 ann 的连接，服务器马上在它上面调用 `recv()`。ann 还什么都没说，于是线程再次阻塞，这回是在 ann 的套接字上。',
  'lesson.04.recv.b2': '问题就在这一张图里：线程睡在 ann 的套接字上，再也没有人去调用 `accept()` 了。',
  'lesson.04.ben.title': 'ben 连上来，内核接下了他',
  'lesson.04.ben.b1':
    'ben 在服务器睡在 ann 的 `recv()` 里时发起连接。连接照样成功：内核自己完成握手，把建立好的连接排进监听套接字的队列（看舞台上的全连接队列）。',
  'lesson.04.ben.b2': '在 ben 看来一切正常：`connect()` 已经返回，他可以发数据了。',
  'lesson.04.ben.b3':
    '但没有任何程序把这个连接取走。它在队列里等着，直到服务器再次调用 `accept()`。（队列不是无限长的：`listen(5)` 最多让 6 个连接排队；“监听队列满了”那个场景演示了之后的情形。）',
  'lesson.04.next.title': '下一个得到回复的是谁？',
  'lesson.04.next.b1':
    'ben 刚发出 `anyone?`。这些字节待在内核里他那个套接字的缓冲区中。服务器仍然睡在 ann 套接字的 `recv()` 里。',
  'lesson.04.next.b2': 'ann 会在 200 毫秒后发送 `still here`，再过一阵才离开。',
  'lesson.04.next.q': '接下来哪个客户端会先收到回复？',
  'lesson.04.next.q.explain':
    '是 ann：唯一的线程睡在 ann 的套接字上，只有 ann 的数据能唤醒它。ben 的问题一直没人理，躺在内核里，直到 ann 离开、服务器回到 `accept()`：ben 等了 {waited} 毫秒才收到第一条回复。',
  'lesson.04.leaves.title': 'ann 走了，ben 立刻得到服务',
  'lesson.04.leaves.b1':
    "ann 关闭了连接，于是 `recv()` 返回 `b''`，服务器关掉 fd 4，回到 `accept()`。ben 早已在队列里：`accept()` 立即返回，编号还是 4（最小的空闲 fd）。",
  'lesson.04.leaves.b2': '接下来的 `recv()` 甚至不用睡：ben 的字节已经在缓冲区里等了半秒。',
  'lesson.04.verdict.title': '阻塞 I/O 的结论',
  'lesson.04.verdict.b1': '简单、省资源：一个线程，不浪费 CPU（等待时线程在睡觉）。',
  'lesson.04.verdict.b2':
    '但一次只能服务一个客户端。一个不说话的客户端，或者想了一个小时的客户端，会让其他所有人在队列里干等。每次读，唯一的线程都要在 `recv()` 里度过两个阶段（第一阶段在睡眠），再没有别的线程去服务其他人。',
  'lesson.04.verdict.b3': '显而易见的办法是多开几个线程。这就是下一课。',
} satisfies Messages;
