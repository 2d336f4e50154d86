import type { Role } from '../lifecycle/definition.types';

/**
 * Demo data modelled on the district bureau's year of full-process service, with invented names.
 * Each project is a title, its data, and the events that bring it to where it stands.
 */
export interface DemoPrincipal {
  handle: string;
  name: string;
  role: Role;
  enterpriseId?: string;
}

export interface DemoProject {
  owner: string;
  title: string;
  data: Record<string, unknown>;
  steps: Array<[handle: string, type: string, payload: Record<string, unknown>]>;
}

export const DEMO_PRINCIPALS: DemoPrincipal[] = [
  { handle: 'bureau', name: '区发改局 项目科 District DRB, projects section', role: 'bureau' },
  { handle: 'service', name: '科技金融服务中心 Sci-tech Finance Service Centre', role: 'service' },
  { handle: 'expert', name: '验收专家组 Acceptance expert panel', role: 'expert' },
  { handle: 'auditor', name: '区审计局 District audit office', role: 'auditor' },
  {
    handle: 'biotech',
    name: '康衡生物技术股份有限公司 Kangheng Biotech',
    role: 'enterprise',
    enterpriseId: 'kangheng-bio',
  },
  {
    handle: 'equipment',
    name: '锐泽智能装备股份有限公司 Ruize Intelligent Equipment',
    role: 'enterprise',
    enterpriseId: 'ruize-equip',
  },
  {
    handle: 'cosmetics',
    name: '美澜生物科技股份有限公司 Meilan Cosmetics',
    role: 'enterprise',
    enterpriseId: 'meilan-cosmetics',
  },
  {
    handle: 'software',
    name: '信衡软件有限公司 Xinheng Software',
    role: 'enterprise',
    enterpriseId: 'xinheng-soft',
  },
];

const submit = (applicant: string): [string, string, Record<string, unknown>] => [
  '',
  'SUBMIT',
  { applicant },
];
const approve = (no: string): [string, string, Record<string, unknown>] => [
  'bureau',
  'APPROVE',
  { approvalNo: no, opinion: '同意立项 approved' },
];
const report = (period: string, percent: number, spent: number, planned: number, problems: string[] = []) =>
  [
    '',
    'PROGRESS_REPORT',
    {
      period,
      percentComplete: percent,
      investmentSpent: spent,
      investmentPlanned: planned,
      problems,
      helpRequested: [],
    },
  ] as [string, string, Record<string, unknown>];

/**
 * Projects past their construction period with no change request: the deadline worker flags them
 * overdue by itself on start, as the bureau's risk hunt found 58 of them by hand.
 */
const OVERDUE_PROJECTS: DemoProject[] = [
  ['biotech', '细胞治疗中试平台 Cell therapy pilot platform', '2018-06-30', 'biomedicine', 35_000_000],
  [
    'equipment',
    '激光焊接装备产业化 Laser welding equipment',
    '2019-03-31',
    'intelligent-equipment',
    27_000_000,
  ],
  [
    'software',
    '工业互联网标识解析节点 Industrial internet identifier node',
    '2020-12-31',
    'information-technology',
    15_000_000,
  ],
  ['cosmetics', '绿色包装材料产线 Green packaging line', '2019-09-30', 'new-materials', 18_000_000],
].map(([owner, title, plannedCompletion, industry, plannedInvestment]) => ({
  owner: String(owner),
  title: String(title),
  data: { plannedCompletion, plannedInvestment, industry },
  steps: [
    submit('项目负责人 Project lead'),
    approve('埔发改〔2017〕99号'),
    report('2019-Q4', 40, 9_000_000, Number(plannedInvestment)),
  ],
}));

/** Steps whose handle is '' are sent by the project's owner. */
export const DEMO_PROJECTS: DemoProject[] = [
  {
    owner: 'biotech',
    title: '个体化医疗检测产品研产平台建设 Personalised diagnostics R&D platform',
    data: {
      plannedCompletion: '2017-12-31',
      plannedInvestment: 118_000_000,
      industry: 'biomedicine',
      approvalNo: '埔发改〔2015〕21号',
      fundingProgram: '省战略性新兴产业区域发展试点 provincial pilot',
    },
    steps: [
      submit('张经理 Manager Zhang'),
      approve('埔发改〔2015〕21号'),
      report('2017-Q4', 70, 80_000_000, 118_000_000, ['验收材料不齐 acceptance files incomplete']),
      [
        'service',
        'COACHING',
        { topic: '验收材料梳理 organising acceptance files', notes: '一对一辅导 one-on-one coaching' },
      ],
      [
        'bureau',
        'SITE_VISIT',
        {
          experts: ['项目专家 project expert', '财务专家 finance expert'],
          findings: ['财务凭证需补充 vouchers missing'],
        },
      ],
      ['', 'SUSPEND', { reason: '新冠肺炎疫情 COVID-19 epidemic', category: 'epidemic' }],
      ['', 'RESUME', { note: '多部门协作三月复工 resumed in March with the districts’ help' }],
      [
        '',
        'APPLY_ACCEPTANCE',
        {
          materials: ['竣工报告 completion report', '审计报告 audit report'],
          summary: '提交验收申请 applying for acceptance',
        },
      ],
      ['bureau', 'MATERIALS_COMPLETE', { note: '材料齐全 files complete' }],
      [
        'service',
        'SCHEDULE_MOCK_DEFENSE',
        { date: '2020-12-10', experts: ['王教授 Prof. Wang'], location: '服务中心 service centre' },
      ],
      [
        'service',
        'RECORD_MOCK_DEFENSE',
        { result: 'ready', problems: ['经费使用说明需细化 refine the spending notes'] },
      ],
    ],
  },
  {
    owner: 'equipment',
    title: '智能装备数字化产线 Digital production line for intelligent equipment',
    data: {
      plannedCompletion: '2020-06-30',
      plannedInvestment: 65_000_000,
      industry: 'intelligent-equipment',
    },
    steps: [
      submit('陈总 Mr Chen'),
      approve('埔发改〔2018〕45号'),
      ['', 'SUSPEND', { reason: '疫情期间资金卡壳 funds stuck during the epidemic', category: 'funding' }],
      ['service', 'REFERRAL', { program: 'ip', note: '知识产权质押融资对接会 IP-backed financing fair' }],
      [
        'service',
        'REFERRAL',
        { program: 'financing', note: '上市前科创力评测 pre-IPO innovation assessment' },
      ],
    ],
  },
  {
    owner: 'cosmetics',
    title: '功能性护肤品研发中心 Functional skincare R&D centre',
    data: { plannedCompletion: '2022-12-31', plannedInvestment: 42_000_000, industry: 'cosmetics-health' },
    steps: [
      submit('林女士 Ms Lin'),
      [
        '',
        'ASK_QUESTION',
        {
          question: '土建在发改项目评估中的占比有多大？ How much may civil works weigh in the assessment?',
          topic: 'assessment',
        },
      ],
      [
        'bureau',
        'ANSWER_QUESTION',
        { questionId: '1', answer: '土建不宜超过总投资的三成 keep civil works under 30% of the investment' },
      ],
    ],
  },
  {
    owner: 'software',
    title: '工业软件云平台 Industrial software cloud platform',
    data: {
      plannedCompletion: '2021-12-31',
      plannedInvestment: 30_000_000,
      industry: 'information-technology',
    },
    steps: [
      submit('周工 Engineer Zhou'),
      approve('埔发改〔2019〕12号'),
      [
        '',
        'ASK_QUESTION',
        { question: '发改项目和工信项目备案有何区别？ How do DRB and MIIT filings differ?', topic: 'filing' },
      ],
      [
        'service',
        'ANSWER_QUESTION',
        { questionId: '1', answer: '发改项目按投资备案，工信项目按技改备案 different filing bases' },
      ],
      ['', 'REQUEST_CHANGE', { newCompletionDate: '2023-06-30', reasons: ['核心团队变动 core team change'] }],
    ],
  },
  {
    owner: 'biotech',
    title: '体外诊断试剂中试基地 IVD reagent pilot plant',
    data: { plannedCompletion: '2019-06-30', plannedInvestment: 56_000_000, industry: 'biomedicine' },
    steps: [
      submit('张经理 Manager Zhang'),
      approve('埔发改〔2017〕33号'),
      ['', 'APPLY_ACCEPTANCE', { materials: ['竣工报告 completion report'] }],
      ['bureau', 'MATERIALS_COMPLETE', {}],
      ['service', 'SCHEDULE_MOCK_DEFENSE', { date: '2020-09-01', experts: ['李专家 Expert Li'] }],
      ['service', 'RECORD_MOCK_DEFENSE', { result: 'ready', problems: [] }],
      ['bureau', 'SCHEDULE_EXPERT_ACCEPTANCE', { date: '2020-10-15', panel: ['李专家', '赵专家'] }],
      [
        'expert',
        'RECORD_EXPERT_VERDICT',
        {
          verdict: 'pass',
          panel: ['李专家 Expert Li', '赵专家 Expert Zhao'],
          opinions: '同意通过验收 accepted',
        },
      ],
    ],
  },
  {
    owner: 'equipment',
    title: '工业机器人关键部件 Key parts for industrial robots',
    data: {
      plannedCompletion: '2019-12-31',
      plannedInvestment: 38_000_000,
      industry: 'intelligent-equipment',
    },
    steps: [
      submit('陈总 Mr Chen'),
      approve('埔发改〔2017〕58号'),
      ['', 'APPLY_ACCEPTANCE', { materials: ['竣工报告 completion report'] }],
      ['bureau', 'MATERIALS_COMPLETE', {}],
      ['service', 'SCHEDULE_MOCK_DEFENSE', { date: '2020-08-01', experts: ['孙专家 Expert Sun'] }],
      ['service', 'RECORD_MOCK_DEFENSE', { result: 'ready', problems: [] }],
      ['service', 'SCHEDULE_EXPERT_ACCEPTANCE', { date: '2020-09-20' }],
      [
        'expert',
        'RECORD_EXPERT_VERDICT',
        {
          verdict: 'fail',
          panel: ['孙专家 Expert Sun'],
          opinions: '设备清单与批复不符，需整改 equipment list differs from approval',
        },
      ],
    ],
  },
  {
    owner: 'software',
    title: '区块链政务数据平台 Blockchain platform for government data',
    data: {
      plannedCompletion: '2021-03-31',
      plannedInvestment: 12_000_000,
      industry: 'information-technology',
    },
    steps: [
      submit('周工 Engineer Zhou'),
      ['bureau', 'RETURN_FOR_REVISION', { reasons: ['绩效目标不清 unclear performance targets'] }],
    ],
  },
  {
    owner: 'cosmetics',
    title: '美妆直播电商基地 Beauty live-commerce base',
    data: { plannedCompletion: '2021-06-30', plannedInvestment: 6_000_000, industry: 'cosmetics-health' },
    steps: [
      submit('林女士 Ms Lin'),
      [
        'bureau',
        'REJECT',
        {
          reason: '属商贸流通类，不在产业化专项扶持范围 a trade project, outside the industrialisation fund',
        },
      ],
    ],
  },
  {
    owner: 'cosmetics',
    title: '原料植物萃取车间 Plant extraction workshop',
    data: { plannedCompletion: '2018-12-31', plannedInvestment: 9_000_000, industry: 'cosmetics-health' },
    steps: [
      submit('林女士 Ms Lin'),
      approve('埔发改〔2016〕71号'),
      [
        'bureau',
        'TERMINATE',
        { reason: '企业主动撤销 withdrawn by the enterprise', basis: '申请撤销函 withdrawal letter' },
      ],
    ],
  },
  ...OVERDUE_PROJECTS,
];
