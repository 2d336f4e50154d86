/** The console's own words in Chinese and English; state and event labels come from the definitions. */
export type Lang = 'zh' | 'en';
export interface Localized {
  zh: string;
  en: string;
}

const WORDS = {
  appName: { zh: 'Waypost 产业化项目监管', en: 'Waypost project supervision' },
  bureauName: { zh: '黄埔区发展和改革局', en: 'Huangpu District Development and Reform Bureau' },
  skipToContent: { zh: '跳到正文', en: 'Skip to content' },
  language: { zh: 'English', en: '中文' },
  languageSwitch: { zh: 'Switch to English', en: '切换到中文' },
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出登录', en: 'Sign out' },
  signInTitle: { zh: '使用 API 密钥登录', en: 'Sign in with an API key' },
  signInHint: {
    zh: '密钥由发改局签发，仅保存在本浏览器标签页中，关闭后即失效。',
    en: 'Keys are issued by the bureau. The key stays in this browser tab only and is gone when it closes.',
  },
  apiKey: { zh: 'API 密钥', en: 'API key' },
  signingIn: { zh: '正在登录…', en: 'Signing in…' },
  wrongKey: {
    zh: '密钥无效或已被吊销，请检查后重试。',
    en: 'The key is not valid or has been revoked. Check it and try again.',
  },
  sessionExpired: {
    zh: '登录已失效（密钥可能已被吊销），请重新登录。',
    en: 'Your session has ended (the key may have been revoked). Please sign in again.',
  },
  offline: {
    zh: '无法连接服务器，请检查网络或稍后重试。页面上的数据可能不是最新的。',
    en: 'The server cannot be reached. Check the network or try again later. What you see may be out of date.',
  },
  retry: { zh: '重试', en: 'Retry' },
  reload: { zh: '重新加载页面', en: 'Reload the page' },
  pageFailed: { zh: '页面出错了，请重新加载。', en: 'This page failed. Please reload it.' },
  forbidden: { zh: '当前角色无权执行此操作。', en: 'Your role may not do this.' },
  notFound: { zh: '未找到该内容，或您无权查看。', en: 'Not found, or you may not see it.' },
  serverError: { zh: '服务器出错，请稍后重试。', en: 'The server failed. Please try again later.' },
  loading: { zh: '加载中…', en: 'Loading…' },
  unavailable: { zh: '此功能暂不可用。', en: 'This is not available yet.' },
  roles: {
    zh: '角色',
    en: 'Role',
  },
  role_bureau: { zh: '发改局', en: 'Bureau' },
  role_service: { zh: '服务机构', en: 'Service provider' },
  role_expert: { zh: '专家', en: 'Expert' },
  role_enterprise: { zh: '企业', en: 'Enterprise' },
  role_auditor: { zh: '审计', en: 'Auditor' },
  role_system: { zh: '系统', en: 'System' },
  navDashboard: { zh: '总览', en: 'Dashboard' },
  navProjects: { zh: '项目', en: 'Projects' },
  navDefinitions: { zh: '流程定义', en: 'Definitions' },
  mainNav: { zh: '主导航', en: 'Main navigation' },
  // Dashboard
  totals: { zh: '项目概况', en: 'Totals' },
  totalProjects: { zh: '项目总数', en: 'Projects' },
  totalActive: { zh: '在办', en: 'Active' },
  totalDone: { zh: '已办结', en: 'Done' },
  totalOverdue: { zh: '逾期', en: 'Overdue' },
  funnel: { zh: '验收漏斗', en: 'Acceptance funnel' },
  funnelApplied: { zh: '申请验收', en: 'Applied' },
  funnelMock: { zh: '已模拟答辩', en: 'Mock defense held' },
  funnelPassed: { zh: '通过验收', en: 'Passed' },
  funnelFailed: { zh: '未通过', en: 'Failed' },
  lifecycleDiagram: { zh: '生命周期图（各状态项目数）', en: 'Lifecycle (projects per state)' },
  overdueList: { zh: '逾期风险清单', en: 'Overdue risk list' },
  daysOverdue: { zh: '逾期天数', en: 'Days overdue' },
  days: { zh: '天', en: 'days' },
  noDeadlines: { zh: '当前状态没有期限。', en: 'No deadline in the current state.' },
  delayOverdue: { zh: '逾期判定（计划完成后一年）', en: 'Overdue (a year past planned completion)' },
  delayReportReminder: { zh: '进展表提醒', en: 'Progress report reminder' },
  deadlineRule: { zh: '规则', en: 'Rule' },
  deadlineBase: { zh: '起算日期', en: 'Base date' },
  deadlineOffset: { zh: '期限', en: 'Offset' },
  deadlinePaused: { zh: '停工顺延', en: 'Paused (added)' },
  deadlineChanges: { zh: '已批准变更', en: 'Approved changes' },
  noOverdue: { zh: '暂无逾期项目。', en: 'No project is overdue.' },
  recentEvents: { zh: '实时动态', en: 'Live events' },
  noRecentEvents: { zh: '等待新的事件…', en: 'Waiting for events…' },
  liveConnected: { zh: '实时连接正常', en: 'Live' },
  liveReconnecting: { zh: '实时连接中断，正在重连…', en: 'Live updates lost, reconnecting…' },
  livePolling: { zh: '实时推送不可用，每 5 秒刷新', en: 'Live push unavailable, refreshing every 5 s' },
  // Projects
  projects: { zh: '项目列表', en: 'Projects' },
  filters: { zh: '筛选', en: 'Filters' },
  search: { zh: '关键词', en: 'Search' },
  state: { zh: '状态', en: 'State' },
  anyState: { zh: '全部状态', en: 'Any state' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  definition: { zh: '流程', en: 'Definition' },
  anyDefinition: { zh: '全部流程', en: 'Any definition' },
  onlyOverdue: { zh: '仅看逾期', en: 'Overdue only' },
  apply: { zh: '查询', en: 'Apply' },
  reset: { zh: '重置', en: 'Reset' },
  title: { zh: '项目名称', en: 'Title' },
  updatedAt: { zh: '更新时间', en: 'Updated' },
  nextPage: { zh: '下一页', en: 'Next page' },
  firstPage: { zh: '第一页', en: 'First page' },
  noProjects: { zh: '没有符合条件的项目。', en: 'No project matches.' },
  overdueBadge: { zh: '逾期', en: 'Overdue' },
  // Project page
  backToList: { zh: '返回项目列表', en: 'Back to projects' },
  currentState: { zh: '当前状态', en: 'Current state' },
  projectData: { zh: '项目信息', en: 'Project data' },
  deadlines: { zh: '期限', en: 'Deadlines' },
  diagram: { zh: '流程图', en: 'Diagram' },
  diagramUnreadable: { zh: '流程图无法显示', en: 'The diagram cannot be shown' },
  diagramAlt: {
    zh: '项目流程图，当前状态高亮，已走路径加粗',
    en: 'Project diagram: current state lit, path taken drawn',
  },
  timeline: { zh: '办理记录', en: 'Timeline' },
  noEvents: { zh: '暂无记录。', en: 'No events yet.' },
  actions: { zh: '可办理事项', en: 'What you can do now' },
  noActions: { zh: '当前状态下您没有可办理的事项。', en: 'There is nothing your role can do in this state.' },
  submit: { zh: '提交', en: 'Submit' },
  sending: { zh: '提交中…', en: 'Sending…' },
  sent: { zh: '已提交：', en: 'Sent: ' },
  fixFields: { zh: '请修改以下字段后重新提交：', en: 'Please correct these fields and submit again:' },
  stale: {
    zh: '项目已被他人更新，已刷新为最新状态，请确认后重新提交。',
    en: 'Someone else updated the project; it has been refreshed. Check and submit again.',
  },
  by: { zh: '办理人', en: 'By' },
  at: { zh: '时间', en: 'At' },
  from: { zh: '由', en: 'From' },
  to: { zh: '至', en: 'to' },
  audit: { zh: '审计回放与校验', en: 'Audit: replay and verify' },
  required: { zh: '必填', en: 'required' },
  onePerLine: { zh: '每行一项', en: 'one per line' },
  addItem: { zh: '添加一项', en: 'Add an item' },
  removeItem: { zh: '删除此项', en: 'Remove this item' },
  item: { zh: '第 {n} 项', en: 'Item {n}' },
  choose: { zh: '请选择', en: 'Choose' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  // Definitions
  definitions: { zh: '流程定义', en: 'Lifecycle definitions' },
  version: { zh: '版本', en: 'Version' },
  status: { zh: '状态', en: 'Status' },
  status_draft: { zh: '草稿', en: 'Draft' },
  status_published: { zh: '已发布', en: 'Published' },
  createdAt: { zh: '创建时间', en: 'Created' },
  open: { zh: '打开', en: 'Open' },
  newDraft: { zh: '基于此版本新建草稿', en: 'New draft from this version' },
  editor: { zh: '定义（JSON）', en: 'Definition (JSON)' },
  editorLoading: { zh: '编辑器加载中…', en: 'Loading the editor…' },
  problems: { zh: '校验问题', en: 'Problems' },
  valid: { zh: '校验通过，草稿已自动保存。', en: 'Valid; the draft is saved.' },
  validPublished: { zh: '校验通过。', en: 'Valid.' },
  checking: { zh: '校验中…', en: 'Checking…' },
  notJson: { zh: '不是有效的 JSON：', en: 'This is not valid JSON: ' },
  preview: { zh: '流程图预览', en: 'Diagram preview' },
  publish: { zh: '发布', en: 'Publish' },
  publishConfirm: {
    zh: '发布后该版本不可再修改，确定发布吗？',
    en: 'A published version can never change. Publish?',
  },
  published: { zh: '已发布。', en: 'Published.' },
  cancel: { zh: '取消', en: 'Cancel' },
  readOnly: { zh: '已发布版本只读。', en: 'Published versions are read-only.' },
  // Audit
  replay: { zh: '历史回放', en: 'Replay' },
  replayStep: { zh: '回放到第 {n} 步（共 {total} 步）', en: 'Replay to step {n} of {total}' },
  replayMatches: { zh: '回放结果与存储一致', en: 'Replay matches what is stored' },
  replayDiffers: { zh: '回放结果与存储不一致！', en: 'Replay differs from what is stored!' },
  context: { zh: '上下文', en: 'Context' },
  verify: { zh: '校验哈希链', en: 'Verify the hash chain' },
  verifying: { zh: '校验中…', en: 'Verifying…' },
  chainOk: { zh: '哈希链完整：已校验 {n} 条记录。', en: 'The chain is intact: {n} entries checked.' },
  chainBroken: { zh: '哈希链断裂！首个异常记录：{at}', en: 'The chain is broken! First bad entry: {at}' },
  latestCheckpoint: { zh: '最新检查点', en: 'Latest checkpoint' },
  noCheckpoint: { zh: '尚无检查点。', en: 'No checkpoint yet.' },
  signature: { zh: '签名算法', en: 'Signature' },
  event: { zh: '事件', en: 'Event' },
  none: { zh: '无', en: 'none' },
} satisfies Record<string, Localized>;

export type WordKey = keyof typeof WORDS;

const STORAGE_KEY = 'waypost.lang';

function initialLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

let current: Lang = initialLang();

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

/** A console word, with `{name}` placeholders filled. */
export function t(key: WordKey, vars: Record<string, string | number> = {}): string {
  const text = WORDS[key][current];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/** A label from a definition, in the current language (falling back to the other one). */
export function label(value: Partial<Localized> | undefined, fallback = ''): string {
  return value?.[current] || value?.zh || value?.en || fallback;
}

export function formatTime(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(current === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
}

export function roleName(role: string): string {
  const key = `role_${role}`;
  return key in WORDS ? t(key as WordKey) : role;
}
