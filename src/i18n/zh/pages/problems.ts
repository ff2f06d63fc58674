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
  'problem.chatPitfall':
    '聊天室的这个坑就是原文里的 select() 服务器：请把 mechanism 设为 "select"（或者不填）',
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
  'problem.programMissing': 'python 场景必须带上程序本身：{"language": "python", "source": "..."}',
  'problem.programObject': '必须是这样的对象：{"language": "python", "source": "..."}',
  'problem.programSource': '必须是程序的文本，最多 {max} 个字符',
  'problem.programSets': '由程序自己决定（python 模型里不用设）',
  'problem.control': '含有控制字符 {char}（第 {at} 个字符）；这里只能写普通文字',
  'problem.bidi':
    '含有双向文字控制符 {char}（第 {at} 个字符），它会打乱周围文字的显示顺序；这里只能写普通文字',
  'problem.surrogate':
    '含有落单的代理项 {char}（第 {at} 个字符）：它不是合法的 Unicode 文字，无法按 UTF-8 发送',
  'problem.notUtf8': '不是合法的 UTF-8：偏移 {offset} 处（从第 0 字节数起）的字节 {byte} 无法解码',
  'problem.utf16Odd': '不是合法的 {encoding}：字节数是奇数（{n}）',
  'problem.utf16Surrogate': '不是合法的 {encoding}：偏移 {offset} 处（从第 0 字节数起）有落单的代理项 {unit}',
  'problem.utf16NoBom': '看起来是没有字节顺序标记（BOM）的 UTF-16：请另存为 UTF-8（或带 BOM 的 UTF-16）',
  'problem.notJson': '不是合法的 JSON：{detail}',
} satisfies Messages;
