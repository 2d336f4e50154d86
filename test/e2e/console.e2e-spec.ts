import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ManualClock } from '../../src/common/clock';
import { FireDueTimersCommand } from '../../src/timers/commands/fire-due-timers/fire-due-timers.command';
import { launchChromium, reachableUrl, screenshot } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const DATA = { plannedCompletion: '2017-12-31', plannedInvestment: 120_000_000, industry: 'biomedicine' };
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
const OVERDUE_TITLE = '高端医疗器械产业化基地';
const SESSION = "sessionStorage.getItem('waypost.session')";

jest.setTimeout(60_000);

describe('web console in a real browser', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const keys = { bureau: '', enterprise: '', service: '', auditor: '' };
  let building = ''; // a project under construction
  let drafted = ''; // a project still a draft
  let overdue = ''; // a project a year past its planned completion
  // Deadlines fire when the test moves this clock and fires due timers, never behind its back.
  const clock = new ManualClock(new Date('2016-03-01T00:00:00.000Z'));

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-console.mjs')], { cwd: ROOT });
    t = await startTestApp({}, clock);
    await t.app.listen(0, '127.0.0.1');
    base = reachableUrl(await t.app.getUrl());
    keys.bureau = t.adminKey;
    keys.enterprise = await t.keyFor('enterprise', 'ent-bio', '广州示例生物科技有限公司');
    keys.service = await t.keyFor('service', undefined, '黄埔区企业服务中心');
    keys.auditor = await t.keyFor('auditor', undefined, '区审计局');
    overdue = await createProject(OVERDUE_TITLE, { plannedCompletion: '2016-03-31' });
    await send(overdue, keys.enterprise, 'SUBMIT', { applicant: '赵总' });
    await send(overdue, keys.bureau, 'APPROVE', { approvalNo: '穗埔发改〔2016〕8号' });
    // Fifteen days past planned completion + one year (2017-03-31, Beijing time); the other projects start now.
    clock.set('2017-04-15T00:00:00.000Z');
    const fired = await t.app.get(CommandBus).execute(new FireDueTimersCommand(100));
    if (fired.fired < 1) throw new Error('the overdue deadline did not fire');
    building = await createProject('个体化医疗检测产品研发平台');
    await send(building, keys.enterprise, 'SUBMIT', { applicant: '李工' });
    await send(building, keys.bureau, 'APPROVE', { approvalNo: '穗埔发改〔2016〕12号' });
    const accepting = await createProject('新型显示材料中试基地');
    await send(accepting, keys.enterprise, 'SUBMIT', { applicant: '王经理' });
    await send(accepting, keys.bureau, 'APPROVE', { approvalNo: '穗埔发改〔2016〕31号' });
    await send(accepting, keys.enterprise, 'APPLY_ACCEPTANCE', { materials: ['竣工报告', '审计报告'] });
    drafted = await createProject('智能装备工业互联网平台');
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function createProject(title: string, data: object = {}, enterpriseId = 'ent-bio'): Promise<string> {
    const res = await t.http
      .post('/api/projects')
      .set(bearer(keys.bureau))
      .send({ definition: 'industrial-project', title, data: { ...DATA, ...data }, enterpriseId });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return (res.body as { id: string }).id;
  }

  async function send(id: string, key: string, type: string, payload: object): Promise<void> {
    const res = await t.http.post(`/api/projects/${id}/events`).set(bearer(key)).send({ type, payload });
    if (res.status !== 200) throw new Error(`${type} failed: ${res.status} ${res.text}`);
  }

  /** Selects `find` with CodeMirror's search panel (Ctrl+F, Enter, Escape) and types `replacement` over it. */
  async function replaceInEditor(page: Page, find: string, replacement: string): Promise<void> {
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+f');
    const search = page.locator('.cm-search input[name=search]');
    await search.pressSequentially(find); // the panel reads its query on keyup
    await search.press('Enter');
    await search.press('Escape');
    await page.keyboard.insertText(replacement);
  }

  /** A fresh tab (own sessionStorage) signed in with `key`, the keyboard only. */
  async function signedIn(key: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('API 密钥', { exact: true }).focus();
    await page.keyboard.type(key);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    return { context, page };
  }

  it('serves the page and its assets with their content types, nothing outside', async () => {
    const index = await t.http.get('/').expect(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.text).toContain('/console/main.js');
    const script = await t.http.get('/console/main.js').expect(200);
    expect(script.headers['content-type']).toMatch(/text\/javascript/);
    const css = await t.http.get('/console/app.css').expect(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    await t.http.get('/console/nothing-here.js').expect(404);
    await t.http.get('/console/..%2F..%2Fpackage.json').expect(404);
  });

  it('keeps the first load under 300 kB of script; CodeMirror comes only with the definition editor', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const scripts: Promise<{ url: string; bytes: number; codemirror: boolean }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(
        response.body().then((body) => ({
          url: response.url(),
          bytes: body.length,
          // A class name only CodeMirror's view writes.
          codemirror: body.includes('cm-scroller'),
        })),
      );
    });
    const loaded = async () => Promise.all(scripts);
    await page.goto(`${base}/`, { waitUntil: 'networkidle' });
    await page.getByLabel('API 密钥', { exact: true }).fill(keys.bureau);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '总览' }).waitFor();
    await page.waitForLoadState('networkidle');
    const firstLoad = await loaded();
    const bytes = firstLoad.reduce((sum, script) => sum + script.bytes, 0);
    expect(bytes).toBeGreaterThan(10 * 1024);
    expect(bytes).toBeLessThan(300 * 1024);
    expect(firstLoad.filter((script) => script.codemirror)).toEqual([]);

    await page.getByRole('link', { name: '流程定义' }).click();
    await page.getByRole('link', { name: '打开 v1' }).click();
    await page.locator('.cm-content').waitFor();
    const editor = (await loaded()).filter((script) => script.codemirror);
    expect(editor).toHaveLength(1);
    expect(firstLoad.map((script) => script.url)).not.toContain(editor[0].url);
    await context.close();
  });

  it('refuses a wrong key with a message, in Chinese by default', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByLabel('API 密钥', { exact: true }).fill('wp_this-key-does-not-exist');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('密钥无效或已被吊销').waitFor();
    await screenshot(page, '01-sign-in-wrong-key');
    await context.close();
  });

  it('signs out: the key leaves sessionStorage and the sign-in form comes back', async () => {
    const { context, page } = await signedIn(keys.bureau);
    expect(await page.evaluate(SESSION)).toContain(keys.bureau);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('API 密钥', { exact: true }).waitFor();
    expect(await page.evaluate(SESSION)).toBeNull();
    expect(await page.evaluate('JSON.stringify(sessionStorage)')).not.toContain(keys.bureau);
    expect(await page.getByRole('link', { name: '项目', exact: true }).count()).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: '登录' }).waitFor();
    expect(await page.getByRole('button', { name: '退出登录' }).count()).toBe(0);
    await context.close();
  });

  it('shows the bureau a dashboard with figures, funnel, diagram and the overdue list', async () => {
    const { context, page } = await signedIn(keys.bureau);
    await page.getByRole('heading', { name: '总览' }).waitFor();
    await page.getByTestId('figure-项目总数').filter({ hasText: '4' }).waitFor();
    await page.getByRole('heading', { name: '验收漏斗' }).waitFor();
    await page.locator('.funnel li').first().filter({ hasText: '1' }).waitFor();
    await page.getByRole('img', { name: '生命周期图（各状态项目数）' }).waitFor();
    await page.getByRole('heading', { name: '逾期风险清单' }).waitFor();
    const risk = page.locator('section[aria-labelledby=overdue-title] tbody tr');
    await risk.filter({ hasText: OVERDUE_TITLE }).waitFor();
    expect(await risk.count()).toBe(1);
    expect(await risk.locator('td').allInnerTexts()).toEqual([OVERDUE_TITLE, 'ent-bio', '15 天']);
    await page.getByText('实时连接正常').first().waitFor();
    // Roles see only what they may do: the bureau has definitions, and the page says who is signed in.
    await page.getByRole('link', { name: '流程定义' }).waitFor();
    await send(drafted, keys.enterprise, 'ASK_QUESTION', { question: '验收需要哪些材料？', topic: '验收' });
    await page.locator('.live-events li').filter({ hasText: '咨询' }).waitFor();
    await screenshot(page, '02-dashboard');
    await context.close();
  });

  it('lists projects with filters and paging, opens one with its diagram and readable timeline', async () => {
    const { context, page } = await signedIn(keys.bureau);
    await page.getByRole('link', { name: '项目', exact: true }).click();
    await page.getByRole('heading', { name: '项目列表' }).waitFor();
    await page.getByRole('link', { name: '新型显示材料中试基地' }).waitFor();
    await page.getByLabel('关键词').fill('个体化');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForFunction("document.querySelectorAll('tbody tr').length === 1");
    expect(page.url()).toContain('q=');
    await page.getByRole('link', { name: '个体化医疗检测产品研发平台' }).click();
    await page.getByRole('heading', { level: 1, name: '个体化医疗检测产品研发平台' }).waitFor();
    // Focus moves to the new page's heading.
    await page.waitForFunction("document.activeElement?.id === 'page-title'");
    await page.getByTestId('current-state').filter({ hasText: '正常建设' }).waitFor();
    await page.getByRole('img', { name: /项目流程图/ }).waitFor();
    // Drawn in the page, not as an <img>, so each state's entry times are there to hover over.
    const entered = page.locator('.diagram svg title').filter({ hasText: '进入时间' });
    expect(await entered.count()).toBeGreaterThan(0);
    expect(await page.locator('.diagram img, .diagram script').count()).toBe(0);
    const approve = page.locator('.timeline li').filter({ hasText: '批准立项' });
    await approve.getByText('批复文号').waitFor();
    await approve.getByText('穗埔发改〔2016〕12号').waitFor();
    expect(await page.locator('.timeline').innerText()).not.toContain('{"');
    // Deadlines with how they were derived: planned completion 2017-12-31 + P1Y.
    const overdue = page.getByTestId('deadline-overdue');
    await overdue.getByText('逾期判定（计划完成后一年）').waitFor();
    await overdue.getByText('P1Y', { exact: true }).waitFor();
    await screenshot(page, '03-project-bureau');
    await context.close();
  });

  it('sends an event through a generated form, shows field errors beside the fields, updates live', async () => {
    const enterprise = await signedIn(keys.enterprise);
    const bureau = await signedIn(keys.bureau);
    // The enterprise sees no dashboard and no definitions.
    expect(await enterprise.page.getByRole('link', { name: '流程定义' }).count()).toBe(0);
    await bureau.page.goto(`${base}/#/projects/${building}`);
    await bureau.page.getByTestId('current-state').waitFor();
    const page = enterprise.page;
    await page.goto(`${base}/#/projects/${building}`);
    await page.locator('summary', { hasText: '报送建设进度' }).click();
    const form = page.locator('details[open] form');
    await form.getByLabel('报告期（如 2020-Q3）').fill('2020-Q3');
    await form.getByLabel('完成进度（%）').fill('六十'); // wrong type: not a number
    await form.getByLabel('已完成投资（元）').fill('70000000');
    await form.getByLabel('计划投资（元）').fill('120000000');
    await form.getByRole('button', { name: /提交/ }).click();
    const field = form.locator('[data-pointer="/percentComplete"]');
    await field.locator('.field-error').filter({ hasText: '应为数字' }).waitFor();
    expect(await form.getByLabel('完成进度（%）').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '04-form-field-error');
    await form.getByLabel('完成进度（%）').fill('150'); // over the maximum
    await form.getByRole('button', { name: /提交/ }).click();
    await field.locator('.field-error').filter({ hasText: '不能大于 100' }).waitFor();
    await form.getByLabel('完成进度（%）').fill('60');
    await form.getByLabel('存在问题').fill('资金到位慢\n人才招聘难');
    await form.getByRole('button', { name: '添加一项' }).click();
    await form.getByLabel('类型').selectOption('financing');
    await form.getByLabel('说明').fill('知识产权质押融资');
    await form.getByRole('button', { name: /提交/ }).click();
    await page.getByText('已提交：报送建设进度').waitFor();
    const report = page.locator('.timeline li').filter({ hasText: '报送建设进度' });
    await report.getByText('人才招聘难').waitFor();
    await report.getByText('融资', { exact: true }).waitFor();
    // The bureau's page, open all along, gets the event over /api/stream without a reload.
    await bureau.page.locator('.timeline li').filter({ hasText: '报送建设进度' }).waitFor();
    await screenshot(page, '05-project-enterprise-after-report');
    await screenshot(bureau.page, '06-project-bureau-live');
    await enterprise.context.close();
    await bureau.context.close();
  });

  it('sends a revoked key back to sign-in with a message', async () => {
    const key = await t.keyFor('service', undefined, 'to be revoked');
    const { context, page } = await signedIn(key);
    await page.getByRole('link', { name: '智能装备工业互联网平台' }).waitFor();
    const me = await t.http.get('/api/me').set(bearer(key)).expect(200);
    await t.http.post(`/api/principals/${me.body.id}/revoke`).set(bearer(keys.bureau)).expect(200);
    // The next request (opening a project, or the live stream reconnecting first) meets the 401.
    await page.evaluate(`location.hash = '#/projects/${drafted}'`);
    await page.getByText('登录已失效').waitFor();
    await page.getByLabel('API 密钥', { exact: true }).waitFor();
    expect(await page.evaluate("sessionStorage.getItem('waypost.session')")).toBeNull();
    await screenshot(page, '07-session-expired');
    await context.close();
  });

  it('says so in plain words when the service really goes away; the live list resumes without a gap', async () => {
    const dashboard = await signedIn(keys.bureau);
    await dashboard.page.getByRole('heading', { name: '总览' }).waitFor();
    const badge = dashboard.page.locator('#live-title').getByRole('status');
    await badge.filter({ hasText: '实时连接正常' }).waitFor();
    const list = await signedIn(keys.service);
    await list.page.getByRole('link', { name: '智能装备工业互联网平台' }).waitFor();

    // The same service again on the same port, started before the old one stops (it is not listening yet).
    const port = Number(new URL(base).port);
    const next = await startTestApp({ adminKey: t.adminKey }, clock);
    await t.close();
    t = next;
    await badge.filter({ hasText: '实时连接中断，正在重连…' }).waitFor();
    await dashboard.page.locator('.banner.offline').filter({ hasText: '无法连接服务器' }).waitFor();
    await list.page.getByRole('link', { name: '智能装备工业互联网平台' }).click();
    await list.page.locator('main').getByText('无法连接服务器').first().waitFor();
    await list.page.getByRole('button', { name: '重试' }).first().waitFor();
    for (const { page } of [dashboard, list]) {
      expect((await page.locator('main').innerText()).trim().length).toBeGreaterThan(0);
    }
    await screenshot(dashboard.page, '08-service-gone-dashboard');
    await screenshot(list.page, '08-service-gone-project');

    // Appended while no console can hear it: the dashboard must still list it once its stream resumes.
    await send(overdue, keys.enterprise, 'ASK_QUESTION', { question: '停机期间提出的问题', topic: '验收' });
    await next.app.listen(port, '127.0.0.1');
    await dashboard.page
      .locator('.live-events li')
      .filter({ hasText: OVERDUE_TITLE })
      .waitFor({ timeout: 30_000 });
    await badge.filter({ hasText: '实时连接正常' }).waitFor();
    await dashboard.page.waitForFunction("!document.querySelector('.banner.offline')");
    await list.page.getByRole('button', { name: '重试' }).first().click();
    await list.page.getByTestId('current-state').filter({ hasText: '草稿' }).waitFor();
    await dashboard.context.close();
    await list.context.close();
  }, 90_000);

  it('edits a definition draft: not-JSON and validation problems as you type, preview, publish', async () => {
    const { context, page } = await signedIn(keys.bureau);
    await page.getByRole('link', { name: '流程定义' }).click();
    await page.getByRole('link', { name: '打开 v1' }).click();
    await page.getByText('已发布版本只读').waitFor();
    await page.getByRole('button', { name: '基于此版本新建草稿' }).click();
    await page.getByRole('heading', { level: 1, name: /v2/ }).waitFor();
    const editor = page.locator('.cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(',,');
    await page.getByTestId('check-result').getByText('不是有效的 JSON').waitFor();
    await screenshot(page, '09-definition-not-json');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    // An unknown initial state, found with the editor's own search: the problem is listed with its path.
    await replaceInEditor(page, '"initial": "draft"', '"initial": "drafts"');
    await page.getByTestId('check-result').getByText('/machine/initial').waitFor();
    await screenshot(page, '10-definition-problems');
    await replaceInEditor(page, '"initial": "drafts"', '"initial": "draft"');
    await page.getByText('校验通过，草稿已自动保存').waitFor();
    await page.getByRole('img', { name: '流程图预览' }).waitFor();
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('已发布版本只读').waitFor();
    await screenshot(page, '11-definition-published');
    await context.close();
  });

  it('gives the auditor a replay slider and the chain verification; English on request', async () => {
    const taken = await t.http.post('/api/audit/checkpoints').set(bearer(keys.bureau)).expect(201);
    const checkpoint = taken.body as { createdAt: string; root: string; count: number };
    const { context, page } = await signedIn(keys.auditor);
    await page.getByRole('link', { name: '项目', exact: true }).click();
    await page.getByRole('link', { name: '个体化医疗检测产品研发平台' }).click();
    await page.getByRole('link', { name: '审计回放与校验' }).click();
    await page.getByTestId('replay-state').filter({ hasText: '正常建设' }).waitFor();
    const slider = page.getByLabel(/回放到第/);
    await slider.focus();
    await page.keyboard.press('Home');
    await page.getByTestId('replay-state').filter({ hasText: '草稿' }).waitFor();
    await page.getByText('回放结果与存储一致').waitFor();
    // The context at step 1 is the data the project was created with, as labelled fields.
    const planned = page
      .getByTestId('replay-context')
      .locator(':scope > dl > .readable-row')
      .filter({ has: page.locator(':scope > dt', { hasText: '计划完成日期' }) });
    await planned.getByText('2017-12-31').waitFor();
    await page.getByRole('img', { name: /流程图/ }).waitFor();
    await page.getByRole('button', { name: '校验哈希链' }).click();
    await page.getByTestId('verify-result').filter({ hasText: '哈希链完整' }).waitFor();
    await page.getByRole('heading', { name: '最新检查点' }).waitFor();
    const shown = page.locator('.checkpoint');
    await shown.locator(`time[datetime="${checkpoint.createdAt}"]`).waitFor();
    await shown.locator(`code[title="${checkpoint.root}"]`).getByText(checkpoint.root.slice(0, 16)).waitFor();
    await shown.getByText(String(checkpoint.count), { exact: true }).waitFor();
    await screenshot(page, '12-audit-replay-verify');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: /Audit: replay and verify/ }).waitFor();
    await page.getByRole('link', { name: 'Projects' }).waitFor();
    await screenshot(page, '13-audit-english');
    await context.close();
  });

  it('pages through a list longer than one page (20) with the filters kept', async () => {
    const titles = Array.from({ length: 23 }, (_, n) => `分页测试项目 ${String(n + 1).padStart(2, '0')}`);
    for (const title of titles) await createProject(title, {}, 'ent-paging');
    const { context, page } = await signedIn(keys.bureau);
    await page.getByRole('link', { name: '项目', exact: true }).click();
    await page.getByLabel('企业', { exact: true }).fill('ent-paging');
    await page.getByRole('button', { name: '查询' }).click();
    const rows = page.locator('tbody tr');
    // The unfiltered list may still be on screen with 20 rows: wait for 20 rows of the filtered one.
    const pagingRows = (count: number) =>
      page.waitForFunction(`(() => {
        const titles = [...document.querySelectorAll('tbody tr td:first-child a')].map((a) => a.textContent);
        return titles.length === ${count} && titles.every((title) => title.startsWith('分页测试项目'));
      })()`);
    await pagingRows(20);
    const first = await rows.locator('td:first-child a').allInnerTexts();
    await page.getByRole('link', { name: '下一页' }).click();
    await pagingRows(3);
    const second = await rows.locator('td:first-child a').allInnerTexts();
    expect(second.filter((title) => first.includes(title))).toEqual([]);
    expect([...first, ...second].sort()).toEqual(titles);
    expect(page.url()).toContain('enterprise=ent-paging');
    expect(await page.getByRole('link', { name: '下一页' }).count()).toBe(0);
    await screenshot(page, '14-projects-second-page');
    await page.getByRole('link', { name: '第一页' }).click();
    await pagingRows(20);
    await context.close();
  });
});
