/** 场景校验器报告的问题（中文），见 src/ui/editor/problems.ts。 */
import type { Messages } from '../../core.ts';

export default {
  'problem.got': '（现在是 {value}）',
  'problem.int': '必须是 {min} 到 {max} 之间的整数',
  'problem.num': '必须是 {min} 到 {max} 之间的数',
  'problem.numAbove': '必须大于 {min}，且不超过 {max}',
  'problem.time': '必须是 {min} 到 {max} 毫秒之间的时刻',
  'problem.oneOf': '只能取这些值之一：{values}',
  'problem.id': '必须由 1 到 64 个小写字母、数字或连字符组成',
  'problem.name': '必须由 1 到 32 个字母、数字、空格、点、连字符或下划线组成',
  'problem.text': '不能为空，且最多 {max} 个字符',
  'problem.appliesOnly': '只适用于 {models}（这个场景的模型是 {model}）',
  'problem.epollPitfall': 'epoll 的这个坑只出现在边缘触发下：请把 trigger 也设为 "edge"',
  'problem.chatPitfall': '聊天室的这个坑就是原文里的 select() 服务器：请把 mechanism 设为 "select"（或者不填）',
  'problem.nameUsed': '“{name}”已经被另一个客户端用了',
  'problem.sendData': '发送操作必须带上数据',
  'problem.tooLong': '超过了 {max} 字节',
  'problem.onlySend': '只有发送操作才带数据（这个操作是 {kind}）',
  'problem.afterEnd': '排在这个客户端关闭或重置连接之后，不会再执行',
  'problem.connectOnce': '一个客户端只能连接一次',
  'problem.beforeConnect': '“{kind}”排在“connect”之前：第一个操作必须是连接',
  'problem.tooManyClients': '有 {n} 个客户端，最多只能有 {max} 个',
  'problem.tooManyActions': '有 {n} 个操作，最多只能有 {max} 个',
  'problem.unknownField': '不是已知的字段',
  'problem.unknownOption': '不是已知的选项',
} satisfies Messages;
