// The browsers township offices really run: real Chromium 86 (360 安全浏览器 13 极速模式, 信创
// browsers) and 109 (the last Chrome for Windows 7) kernels from npm (scripts/old-chromium.mjs),
// driven by playwright-core 1.40, the last that speaks to 86. In each, from the web server and
// as the single file: first use, a question bank imported and a quiz taken, a work line's 周调度
// exported as Word, and a backup with a conflict imported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core-old';
import { DIST, serve, setProfile, nav, chooseFiles, addCadre, eventually } from './harness.mjs';

const SINGLE = pathToFileURL(resolve(new URL('../../release/zuofeng.html', import.meta.url).pathname)).href;
const KERNELS = [
  ['Chromium 86', process.env.CHROMIUM_86, 86],
  ['Chromium 109', process.env.CHROMIUM_109, 109],
];

let server;
before(async () => {
  server = await serve();
});
after(async () => {
  await server?.close();
});

// Chromium 86 reports no download events to the driver, so the test keeps what the app hands
// to the browser as a download: the Blob behind the link it clicks.
const CAPTURE_DOWNLOADS = () => {
  const blobs = new Map();
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob) => {
    const url = create(blob);
    blobs.set(url, blob);
    return url;
  };
  window.__downloads = [];
  const click = HTMLElement.prototype.click;
  HTMLElement.prototype.click = function () {
    const blob = this instanceof HTMLAnchorElement && this.download ? blobs.get(this.href) : undefined;
    if (!blob) return click.call(this);
    const reader = new FileReader();
    reader.onload = () => window.__downloads.push({ name: this.download, data: String(reader.result).split(',')[1] });
    reader.readAsDataURL(blob);
  };
};

async function download(page, trigger) {
  const before = await page.evaluate(() => window.__downloads.length);
  await trigger();
  // Polled from here: the app's policy forbids the string evaluation waitForFunction uses.
  await eventually(() => page.evaluate(() => window.__downloads.length), (n) => n > before);
  const { name, data } = await page.evaluate(() => window.__downloads[window.__downloads.length - 1]);
  const bytes = Buffer.from(data, 'base64');
  return { name, bytes, text: bytes.toString('utf8') };
}

async function open(executablePath, url) {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--no-zygote', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(CAPTURE_DOWNLOADS);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(m.text());
  });
  await page.goto(url);
  return { browser, page };
}

function isoDay(offset) {
  const d = new Date(Date.now() + offset * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function quizTab(page, label) {
  await page.getByRole('navigation', { name: '学习测验' }).getByRole('link', { name: label, exact: true }).click();
}

async function importBankAndTakeQuiz(page) {
  await nav(page, '学习测验');
  const bank = [
    '题型,题干,选项A,选项B,选项C,选项D,答案',
    '单选,“四个一”中每半年一次的是,自我学习,集中学习,测验考试,封闭培训,C',
    '判断,诫勉对象应在5日内写出整改措施,,,,,对',
  ].join('\n');
  await chooseFiles(page, '选择试题文件（.xlsx / .csv / .txt / .gift）', { name: '题库.csv', mimeType: 'text/csv', buffer: Buffer.from(bank) });
  await page.locator('[aria-label="试题导入预览"]').getByRole('button', { name: '确认导入' }).click();
  await page.getByText('试题导入完成：新增 2 道。').waitFor();

  await quizTab(page, '组卷与发放');
  await page.getByRole('button', { name: '新建测验' }).click();
  const builder = page.getByRole('form', { name: '组卷' });
  await builder.getByLabel('测验名称').fill('作风建设测验');
  await builder.getByLabel('每题分值').fill('50');
  // She tries the quiz herself in this browser, so no 答题码.
  await builder.getByLabel(/每人凭答题码作答/).uncheck();
  for (const box of await builder.locator('.pick-list input[type=checkbox]').all()) await box.check();
  await builder.getByRole('button', { name: '生成测验' }).click();
  await page.getByText('已生成测验“作风建设测验”：2 道题，总分 100。').waitFor();

  await quizTab(page, '参加测验');
  await page.getByRole('button', { name: /开始答题 作风建设测验/ }).click();
  await page.getByRole('form', { name: '确认身份' }).getByRole('button', { name: '确认并开始答题' }).click();
  await page.locator('li.question').filter({ hasText: '每半年一次' }).getByLabel(/测验考试/).check();
  await page.locator('li.question').filter({ hasText: '5日内' }).getByLabel('正确').check();
  await page.getByText('已答 2 / 2').waitFor();
  await page.getByRole('button', { name: '交卷', exact: true }).click();
  await page.getByRole('button', { name: '确认交卷' }).click();
  const sheet = await download(page, () => page.getByRole('button', { name: '导出答卷文件' }).click());
  assert.equal(JSON.parse(sheet.text).kind, 'answer_sheet');
}

async function workLineDispatchAsWord(page) {
  await addCadre(page, { name: '李四', unit: '城建办' });
  await nav(page, '工作分线');
  await page.getByRole('button', { name: '新建工作线' }).click();
  const lineForm = page.getByRole('form', { name: '新建工作线' });
  await lineForm.getByLabel('工作线名称').fill('道路硬化');
  await lineForm.getByLabel('完成时限').fill(isoDay(30));
  await lineForm.getByRole('button', { name: '保存' }).click();
  await page.getByText('已保存工作线：道路硬化').waitFor();
  await page.getByRole('link', { name: '道路硬化' }).click();
  await page.getByRole('button', { name: '添加任务' }).click();
  const form = page.getByRole('form', { name: '添加任务' });
  await form.getByLabel('任务名称').fill('李家村路基');
  await form.getByLabel('李四', { exact: true }).check();
  await form.getByLabel('完成时间').fill(isoDay(3));
  await form.getByRole('button', { name: '保存' }).click();
  await page.getByText('已保存任务：李家村路基').waitFor();

  await page.getByRole('navigation', { name: '工作分线' }).getByRole('link', { name: '周调度', exact: true }).click();
  const dispatch = page.getByRole('article', { name: '周调度' });
  await dispatch.getByRole('heading', { name: '道路硬化' }).waitFor();
  const word = await download(page, () => dispatch.getByRole('button', { name: '导出 Word' }).click());
  assert.match(word.name, /^工作分线周调度-.*\.docx$/);
  // A ZIP whose document part names the line.
  assert.equal(word.bytes.subarray(0, 2).toString(), 'PK');
  assert.ok(word.bytes.includes(Buffer.from('word/document.xml')));
  assert.ok(word.bytes.includes(Buffer.from('道路硬化')));
}

async function backupWithConflict(page) {
  await nav(page, '数据管理');
  const backup = await download(page, () => page.getByRole('button', { name: '导出全部数据' }).click());
  // A colleague's copy of the same backup, where 李四's post was changed in another browser
  // while this one changed it too.
  const theirs = JSON.parse(backup.text);
  const li = theirs.records.cadres.find((c) => c.name === '李四');
  li.post = '副主任';
  li.meta.versions.colleague = 1;
  li.meta.rev += 1;
  li.meta.fields = { ...(li.meta.fields ?? {}), post: [['colleague', 1]] };
  await nav(page, '干部名册');
  await page.getByRole('button', { name: '编辑 李四' }).click();
  await page.getByRole('form', { name: '编辑干部' }).getByLabel('职务').fill('主任');
  await page.getByRole('form', { name: '编辑干部' }).getByRole('button', { name: '保存' }).click();
  await page.getByText('已保存：李四（城建办）').waitFor();

  await nav(page, '数据管理');
  await chooseFiles(page, '选择备份文件（.json）', { name: '同事的备份.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) });
  const conflict = page.getByRole('group', { name: '干部：李四' });
  await conflict.waitFor();
  await conflict.getByLabel('采用文件').check();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText(/导入完成/).waitFor();
  await nav(page, '干部名册');
  assert.match(await eventually(() => page.getByRole('table', { name: '干部名册' }).innerText(), (t) => t.includes('副主任')), /李四\t城建办\t副主任/);
}

// A backup with cases is sealed by the browser's WebCrypto and opened again with its password:
// in the old kernels, from a web server and from a local file alike.
async function sealedBackupRoundTrip(page) {
  await nav(page, '数据管理');
  await page.getByLabel(/同时导出诫勉案件/).check();
  await page.getByLabel('设置密码').fill('备份密码2026');
  await page.getByLabel('再输一次').fill('备份密码2026');
  const sealed = await download(page, () => page.getByRole('button', { name: '导出全部数据' }).click());
  assert.equal(JSON.parse(sealed.text).sealed.cipher, 'AES-256-GCM');
  await chooseFiles(page, '选择备份文件（.json）', { name: sealed.name, mimeType: 'application/json', buffer: Buffer.from(sealed.text) });
  const unlock = page.getByRole('form', { name: '这个文件加了密码' });
  await unlock.getByLabel('导出时设置的密码').fill('备份密码2026');
  await unlock.getByRole('button', { name: '打开文件' }).click();
  await page.getByRole('heading', { name: '导入预览' }).waitFor();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText(/导入完成/).waitFor();
}

for (const [label, executable, major] of KERNELS) {
  for (const build of ['网站', '单个文件']) {
    test(`${label}（${build}）：初次使用、导入题库并答题、导出周调度 Word、导入有冲突的备份、加密备份`, async () => {
      assert.ok(executable, `${label}: run scripts/setup.sh --browser first (it sets CHROMIUM_86 and CHROMIUM_109)`);
      const { browser, page } = await open(executable, build === '网站' ? server.url : SINGLE);
      try {
        assert.match(await page.evaluate(() => navigator.userAgent), new RegExp(`Chrome/${major}\\.`));
        await setProfile(page, { name: '王秘书', unit: '党政办' });
        await importBankAndTakeQuiz(page);
        await workLineDispatchAsWord(page);
        await backupWithConflict(page);
        await sealedBackupRoundTrip(page);
        // After start the policy allows no eval and no further WebAssembly, in old kernels too.
        const locked = await page.evaluate(async () => {
          // Out of the driver's own evaluation, which the browser exempts from the policy.
          await new Promise((ok) => setTimeout(ok, 0));
          const refused = (f) => {
            try {
              f();
              return false;
            } catch {
              return true;
            }
          };
          return {
            evalRefused: refused(() => eval('1')),
            wasmRefused: refused(() => new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))),
          };
        });
        assert.deepEqual(locked, { evalRefused: true, wasmRefused: true });
        assert.deepEqual(page.problems.filter((p) => !/Refused to (evaluate|compile)/.test(p)), []);
      } finally {
        await browser.close();
      }
    });
  }
}

for (const [label, executable] of KERNELS) {
  test(`${label}：放在网站上的 dist/ 打开过一次后，服务器停了也能打开`, async () => {
    assert.ok(executable, `${label}: run scripts/setup.sh --browser first`);
    const own = await serve(DIST, '/zuofeng/');
    const { browser, page } = await open(executable, own.url);
    try {
      await setProfile(page, { name: '郑主任', unit: '党政办' });
      await addCadre(page, { name: '冯九', unit: '党政办' });
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
        }
      });
      await own.close();
      await page.reload();
      await nav(page, '干部名册');
      assert.match(await page.getByRole('table', { name: '干部名册' }).innerText(), /冯九/);
    } finally {
      await browser.close();
      await own.close();
    }
  });
}

test('在 IE 内核或太旧的浏览器中，页面用中文说明怎么办，不显示技术错误', async () => {
  const executable = process.env.CHROMIUM_86;
  assert.ok(executable, 'run scripts/setup.sh --browser first');
  for (const [ua, expected] of [
    ['Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko', /极速模式[\s\S]*检测到：IE 11 内核（兼容模式）/],
    ['Mozilla/5.0 (Windows NT 6.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/69.0.3497.100 Safari/537.36', /需要 Chromium 86[\s\S]*检测到：Chromium 69 内核/],
  ]) {
    const browser = await chromium.launch({ executablePath: executable, headless: true, args: ['--no-sandbox', '--no-zygote', '--disable-gpu'] });
    try {
      const context = await browser.newContext({ userAgent: ua });
      // What such a browser lacks: ES modules (IE) or a working WebAssembly start.
      await context.addInitScript((ie) => {
        if (ie) delete HTMLScriptElement.prototype.noModule;
        WebAssembly.compile = () => Promise.reject(new WebAssembly.CompileError('invalid value type'));
        WebAssembly.compileStreaming = undefined;
      }, ua.includes('Trident'));
      const page = await context.newPage();
      await page.goto(server.url);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = await alert.innerText();
      assert.match(text, expected);
      assert.doesNotMatch(text, /CompileError|invalid value type|Error/);
    } finally {
      await browser.close();
    }
  }
});
