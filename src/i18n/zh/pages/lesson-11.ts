/** 第 11 课（中文；英文见 src/i18n/en/pages/lesson-11.ts，键完全相同）。 */
import type { Messages } from '../../core.ts';

export default {
  'lesson.11.title': 'selectors 模块：选最好的机制，再加上回调',
  'lesson.11.summary':
    'DefaultSelector 在 Linux 上选用 epoll，每次注册时把回调一起存下，再由一个小循环负责分派。',
  'lesson.11.why.title': '一套接口，适用所有平台',
  'lesson.11.why.b1':
    'select 到处都有，poll 只在类 Unix 系统上有，epoll 只有 Linux 有，kqueue 则属于 BSD 和 macOS。只用其中一种写的程序，没法到处运行。',
  'lesson.11.why.b2':
    'selectors.DefaultSelector() 会挑出当前平台上最好的那种：这里是 epoll，Mac 上是 kqueue，Windows 上是 select。程序只需要说 register、unregister 和 select。',
  'lesson.11.default.title': '在这里，DefaultSelector 就是 epoll',
  'lesson.11.default.b1':
    '看系统调用：创建选择器时生成了一个 epoll 实例（epoll_create1）。在这台 Linux 机器上，DefaultSelector 就是 EpollSelector。',
  'lesson.11.register.title': '每次注册都带着一个回调',
  'lesson.11.register.b1':
    'sel.register(sock, EVENT_READ, accept) 在内核里变成一次 epoll_ctl(ADD)。内核只知道 fd 和要监视的事件。',
  'lesson.11.register.b2':
    '第三个参数 data=accept 根本不会进入内核：选择器把它存在用户空间的一个以 fd 为键的字典里，每次有事件时再交还给你。',
  'lesson.11.dispatch.title': '循环负责分派',
  'lesson.11.dispatch.b1':
    'sel.select() 返回了：fd {fd} 就绪。循环取出 key.data，也就是和这个 fd 一起存下的函数，然后调用它。',
  'lesson.11.dispatch.q': '循环现在会调用哪个函数？',
  'lesson.11.dispatch.explain':
    '就绪的 fd 是一个客户端连接，注册时带的 data 是 read，所以循环调用 read(conn, mask)。只有监听套接字带的是 accept。',
  'lesson.11.loop.title': '这就是事件循环',
  'lesson.11.loop.b1':
    '等待事件，查出每个事件的回调，调用它，如此反复：事件循环不过如此。每个回调都必须很快，而且绝不能阻塞，否则所有其他客户端都得等着。',
  'lesson.11.loop.b2': 'asyncio 的循环就是这样一个循环，只是用协程代替了手写的回调（第 14 课）。',
} satisfies Messages;
