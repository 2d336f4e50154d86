import { lang } from '../i18n';

/** The API's validation messages are English; common ones are said in Chinese too. */
const RULES: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/^required property "(.+)" is missing$/, () => '此项必填'],
  [/^must be number$/, () => '应为数字'],
  [/^must be integer$/, () => '应为整数'],
  [/^must be string$/, () => '应为文本'],
  [/^must be boolean$/, () => '应为是/否'],
  [/^must be array$/, () => '应为列表'],
  [/^must be <= (.+)$/, (m) => `不能大于 ${m[1]}`],
  [/^must be >= (.+)$/, (m) => `不能小于 ${m[1]}`],
  [/^must be < (.+)$/, (m) => `应小于 ${m[1]}`],
  [/^must be > (.+)$/, (m) => `应大于 ${m[1]}`],
  [/^must NOT have fewer than (\d+) characters$/, (m) => `至少 ${m[1]} 个字符`],
  [/^must NOT have more than (\d+) characters$/, (m) => `最多 ${m[1]} 个字符`],
  [/^must NOT have fewer than (\d+) items$/, (m) => `至少 ${m[1]} 项`],
  [/^must NOT have more than (\d+) items$/, (m) => `最多 ${m[1]} 项`],
  [/^must match pattern "(.+)"$/, () => '格式不正确'],
  [/^must match format "date"$/, () => '应为日期（年-月-日）'],
  [/^must match format "date-time"$/, () => '应为日期时间'],
  [/^must be one of (.+)$/, (m) => `须为以下之一：${m[1]}`],
  [/^unknown property "(.+)"$/, (m) => `未知字段 ${m[1]}`],
];

export function fieldMessage(message: string): string {
  if (lang() !== 'zh') return message;
  for (const [pattern, say] of RULES) {
    const match = message.match(pattern);
    if (match) return say(match);
  }
  return message;
}
