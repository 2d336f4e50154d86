import { lang, type Localized } from '../i18n';
import type { JsonSchema } from '../types';

/**
 * Names for the payload fields of the shipped lifecycle, used when a schema gives no `title`
 * (definitions may add titles; those win).
 */
const NAMES: Record<string, Localized> = {
  applicant: { zh: '申报人', en: 'Applicant' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
  note: { zh: '备注', en: 'Note' },
  notes: { zh: '记录', en: 'Notes' },
  approvalNo: { zh: '批复文号', en: 'Approval number' },
  opinion: { zh: '意见', en: 'Opinion' },
  opinions: { zh: '专家意见', en: 'Opinions' },
  reasons: { zh: '理由', en: 'Reasons' },
  reason: { zh: '原因', en: 'Reason' },
  category: { zh: '类别', en: 'Category' },
  expectedResumeDate: { zh: '预计复工日期', en: 'Expected resume date' },
  period: { zh: '报告期（如 2020-Q3）', en: 'Period (e.g. 2020-Q3)' },
  percentComplete: { zh: '完成进度（%）', en: 'Percent complete' },
  investmentSpent: { zh: '已完成投资（元）', en: 'Investment spent (yuan)' },
  investmentPlanned: { zh: '计划投资（元）', en: 'Investment planned (yuan)' },
  problems: { zh: '存在问题', en: 'Problems' },
  helpRequested: { zh: '需协调事项', en: 'Help requested' },
  kind: { zh: '类型', en: 'Kind' },
  detail: { zh: '说明', en: 'Detail' },
  newCompletionDate: { zh: '新的完成日期', en: 'New completion date' },
  newScope: { zh: '新的建设内容', en: 'New scope' },
  materials: { zh: '验收材料', en: 'Materials' },
  summary: { zh: '摘要', en: 'Summary' },
  missing: { zh: '缺少的材料', en: 'Missing materials' },
  returnToConstruction: { zh: '退回建设', en: 'Return to construction' },
  date: { zh: '日期', en: 'Date' },
  experts: { zh: '专家', en: 'Experts' },
  location: { zh: '地点', en: 'Location' },
  result: { zh: '结果', en: 'Result' },
  panel: { zh: '专家组', en: 'Panel' },
  verdict: { zh: '结论', en: 'Verdict' },
  fixed: { zh: '已整改事项', en: 'Fixed' },
  basis: { zh: '依据', en: 'Basis' },
  topic: { zh: '主题', en: 'Topic' },
  findings: { zh: '发现', en: 'Findings' },
  question: { zh: '问题', en: 'Question' },
  questionId: { zh: '咨询序号', en: 'Question number' },
  answer: { zh: '答复', en: 'Answer' },
  program: { zh: '服务项目', en: 'Program' },
  plannedCompletion: { zh: '计划完成日期', en: 'Planned completion' },
  plannedInvestment: { zh: '计划投资（元）', en: 'Planned investment (yuan)' },
  industry: { zh: '行业', en: 'Industry' },
  description: { zh: '项目简介', en: 'Description' },
  fundingProgram: { zh: '资金专项', en: 'Funding programme' },
  // Project context kept by the shipped lifecycle.
  data: { zh: '申报数据', en: 'Data' },
  title: { zh: '项目名称', en: 'Title' },
  enterpriseId: { zh: '企业', en: 'Enterprise' },
  flags: { zh: '标记', en: 'Flags' },
  scope: { zh: '建设内容', en: 'Scope' },
  answers: { zh: '答复记录', en: 'Answers' },
  changes: { zh: '变更记录', en: 'Changes' },
  reports: { zh: '进度报告', en: 'Reports' },
  reviews: { zh: '评审记录', en: 'Reviews' },
  counters: { zh: '计数', en: 'Counters' },
  services: { zh: '服务记录', en: 'Services' },
  questions: { zh: '咨询记录', en: 'Questions' },
  submittedAt: { zh: '提交时间', en: 'Submitted at' },
  suspendedMs: { zh: '累计停工（毫秒）', en: 'Suspended (ms)' },
  suspensions: { zh: '停工记录', en: 'Suspensions' },
  lastReportAt: { zh: '最近报告时间', en: 'Last report at' },
  overdueSince: { zh: '逾期起始', en: 'Overdue since' },
  pendingChange: { zh: '待审变更', en: 'Pending change' },
  changeApproved: { zh: '变更已批准', en: 'Change approved' },
  suspendedSince: { zh: '停工起始', en: 'Suspended since' },
  lastPercentComplete: { zh: '最近完成进度（%）', en: 'Last percent complete' },
  reportReminderSince: { zh: '报告提醒起始', en: 'Report reminder since' },
  constructionStartedAt: { zh: '开工时间', en: 'Construction started at' },
  seq: { zh: '序号', en: 'No.' },
  at: { zh: '时间', en: 'At' },
  by: { zh: '办理人', en: 'By' },
};

const OPTIONS: Record<string, Localized> = {
  epidemic: { zh: '疫情', en: 'Epidemic' },
  funding: { zh: '资金', en: 'Funding' },
  land: { zh: '用地', en: 'Land' },
  approval: { zh: '审批', en: 'Approval' },
  'force-majeure': { zh: '不可抗力', en: 'Force majeure' },
  other: { zh: '其他', en: 'Other' },
  financing: { zh: '融资', en: 'Financing' },
  ip: { zh: '知识产权', en: 'Intellectual property' },
  talent: { zh: '人才', en: 'Talent' },
  ready: { zh: '准备就绪', en: 'Ready' },
  not_ready: { zh: '尚未就绪', en: 'Not ready' },
  pass: { zh: '通过', en: 'Pass' },
  fail: { zh: '不通过', en: 'Fail' },
  biomedicine: { zh: '生物医药', en: 'Biomedicine' },
  'intelligent-equipment': { zh: '智能装备', en: 'Intelligent equipment' },
  'new-materials': { zh: '新材料', en: 'New materials' },
  'information-technology': { zh: '新一代信息技术', en: 'Information technology' },
  'artificial-intelligence': { zh: '人工智能', en: 'Artificial intelligence' },
  'cosmetics-health': { zh: '美妆大健康', en: 'Cosmetics and health' },
};

function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

export function fieldLabel(name: string, schema: JsonSchema): string {
  return schema.title ?? NAMES[name]?.[lang()] ?? humanize(name);
}

export function optionLabel(value: string): string {
  return OPTIONS[value]?.[lang()] ?? value;
}
