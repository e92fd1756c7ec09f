// The foundation as a person uses it: first use, every section, the roster, backup, clearing,
// restoring, merging a colleague's changes, and bad files that change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { servedApp, serve, launch, freshContext, openApp, setProfile, nav, download, chooseFiles, addCadre, readOffice } from './harness.mjs';

const app = servedApp();

async function rosterNames(page) {
  await nav(page, '干部名册');
  const table = page.getByRole('table', { name: '干部名册' });
  await table.waitFor();
  return (await table.locator('tbody tr td:first-child').allInnerTexts()).filter((t) => !t.startsWith('名册中还没有人'));
}

async function importFile(page, file) {
  await nav(page, '数据管理');
  await chooseFiles(page, '选择备份文件（.json）', file);
}

test('秘书初次使用，建立名册，备份、清空后从备份恢复', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办', post: '秘书' });
  assert.match(await page.getByRole('banner').innerText(), /王秘书（党政办）/);

  for (const title of ['学习测验', '述职评议', '谈话诫勉', '工作分线', '数据管理', '干部名册', '首页']) {
    if (title === '首页') {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click();
      await page.getByRole('heading', { level: 1, name: '王秘书，您好' }).waitFor();
    } else {
      await nav(page, title);
    }
  }

  await nav(page, '干部名册');
  await addCadre(page, { name: '张三', unit: '党政办', post: '主任', phone: '13800000000' });
  await addCadre(page, { name: '李四', unit: '李家村', post: '驻村员' });
  // Edit: 李四 becomes 督查员.
  await page.getByRole('button', { name: '编辑 李四' }).click();
  const edit = page.getByRole('form', { name: '编辑干部' });
  await edit.getByLabel('职务').fill('督查员');
  await edit.getByRole('button', { name: '保存' }).click();
  await page.getByText('已保存：李四（李家村）').waitFor();

  // A roster from WPS, saved as GBK, columns in another order, one bad row.
  const csv = iconv.encode('职务,姓名,单位,联系电话\n副镇长,赵六,镇政府,\n,,财政所,\n主任,张三,党政办,13800000000\n', 'gbk');
  await chooseFiles(page, '选择名册 CSV 文件', { name: '名册.csv', mimeType: 'text/csv', buffer: csv });
  const preview = page.getByRole('region', { name: '名册导入预览' }).or(page.locator('[aria-label="名册导入预览"]'));
  await preview.getByText('编码 GBK/GB18030').waitFor();
  await preview.getByText('新增 1 人，更新 0 人，已在名册中 1 人，有问题 1 行。').waitFor();
  await preview.getByText('第 3 行：请填写姓名。').waitFor();
  await page.getByRole('button', { name: '确认导入 1 人' }).click();
  await page.getByText('名册导入完成：写入 1 人。').waitFor();
  assert.deepEqual((await rosterNames(page)).sort(), ['张三', '李四', '赵六'].sort());

  // Backup.
  await nav(page, '数据管理');
  const backup = await download(page, () => page.getByRole('button', { name: '导出全部数据' }).click());
  assert.match(backup.name, /^zuofeng-备份-王秘书-\d{8}-\d{4}\.json$/);
  const file = JSON.parse(backup.text);
  assert.equal(file.format, 'zuofeng');
  assert.equal(file.kind, 'backup');
  assert.equal(file.exported_by.name, '王秘书');
  assert.equal(file.records.cadres.length, 3);
  await page.getByText(/已导出 3 条记录/).waitFor();

  // Home shows the backup date and no reminder.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click();
  await page.getByText(/上次备份：\d{4}-\d{2}-\d{2}/).waitFor();
  assert.equal(await page.getByText('本机数据还从未备份过。').count(), 0);

  // Clear, and see it empty.
  await nav(page, '数据管理');
  // Clearing cannot be undone: the one click saves everything first, and says where.
  await page.getByRole('button', { name: '清空本机数据……' }).click();
  const safety = await download(page, () => page.getByRole('button', { name: '导出备份并清空' }).click());
  assert.equal(JSON.parse(safety.text).records.cadres.length, 3);
  await page.getByText(`清空前的全部数据已导出到“${safety.name}”`, { exact: false }).waitFor();
  assert.deepEqual(await rosterNames(page), []);

  // Restore.
  await importFile(page, { name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
  const table = page.locator('[aria-label="导入预览"] table');
  await table.waitFor();
  assert.match(await table.innerText(), /干部\s+3\s+0\s+0\s+0\s+0/);
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText(/导入完成：写入 3 条记录/).waitFor();
  assert.deepEqual((await rosterNames(page)).sort(), ['张三', '李四', '赵六'].sort());

  // Restored exactly: a new backup holds the same records.
  await nav(page, '数据管理');
  const again = await download(page, () => page.getByRole('button', { name: '导出全部数据' }).click());
  const byId = (f) => Object.fromEntries(JSON.parse(f).records.cadres.map((c) => [c.meta.id, c]));
  assert.deepEqual(byId(again.text), byId(backup.text));

  // Importing the same backup again changes nothing.
  await importFile(page, { name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) });
  await page.locator('[aria-label="导入预览"] table').waitFor();
  assert.match(await page.locator('[aria-label="导入预览"] table').innerText(), /干部\s+0\s+0\s+0\s+3\s+0/);
  await page.getByRole('button', { name: '取消' }).click();

  assert.deepEqual(page.problems, []);
  await context.close();
});

test('导入损坏、过新或类型不对的文件时提示原因，本机数据不变', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '刘干事', unit: '财政所' });
  await nav(page, '干部名册');
  await addCadre(page, { name: '孙七', unit: '财政所' });
  await nav(page, '数据管理');
  const good = await download(page, () => page.getByRole('button', { name: '导出全部数据' }).click());
  const parsed = JSON.parse(good.text);
  // The same backup with one more edit claimed on this very app.browser, and a changed name.
  const forged = JSON.parse(good.text);
  const me = forged.exported_by.device_id;
  const sun = forged.records.cadres[0];
  sun.meta.versions[me] = (sun.meta.versions[me] ?? 0) + 1;
  sun.meta.rev += 1;
  sun.name = '孙七改';

  const cases = [
    ['截断.json', good.text.slice(0, good.text.length / 2), '文件不完整'],
    ['新版本.json', JSON.stringify({ ...parsed, min_app_version: '9.0.0' }), '需要 9.0.0 或更新版本'],
    ['新格式.json', JSON.stringify({ ...parsed, format_version: 99 }), '更新版本的作风建设工作台导出'],
    ['答卷.json', JSON.stringify({ ...parsed, kind: 'answer_sheet' }), '这是一个“答卷”文件'],
    ['别的.json', JSON.stringify({ hello: 'world' }), '不是作风建设工作台导出的文件'],
    ['坏记录.json', JSON.stringify({ ...parsed, records: { cadres: [{ ...parsed.records.cadres[0], name: '' }, { name: '<img src=x onerror=alert(1)>' }] } }), '干部第 1 条'],
    ['空.json', '', '文件是空的'],
    ['类型.json', JSON.stringify({ ...parsed, records: { cadres: [{ ...parsed.records.cadres[0], name: 5 }] } }), '干部第 1 条：“姓名”应为文字，文件里是数字 5。'],
    ['伪造.json', JSON.stringify(forged), '声称在这台电脑上改过干部“孙七改”'],
  ];
  for (const [name, text, expected] of cases) {
    await chooseFiles(page, '选择备份文件（.json）', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const alert = page.getByRole('alert').filter({ hasText: `“${name}”没有导入。` });
    await alert.waitFor();
    assert.match(await alert.innerText(), new RegExp(expected), name);
    await alert.getByRole('button', { name: '知道了' }).click();
  }
  // A file dropped on the page is checked the same way as a chosen one.
  const drop = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], '拖入.json', { type: 'application/json' }));
    return dt;
  }, good.text.slice(0, 100));
  await page.locator('.file-drop').dispatchEvent('drop', { dataTransfer: drop });
  const dropped = page.getByRole('alert').filter({ hasText: '“拖入.json”没有导入。' });
  await dropped.waitFor();
  assert.match(await dropped.innerText(), /文件不完整/);
  await dropped.getByRole('button', { name: '知道了' }).click();

  // File text is shown as text, never as markup.
  assert.equal(await page.locator('img').count(), 0);
  assert.deepEqual(await rosterNames(page), ['孙七']);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('两人改了同一个人的不同信息会自动合并；改了同一项时并排显示、由用户选择', async () => {
  const secretaryCtx = await freshContext(app.browser);
  const secretary = await openApp(secretaryCtx, app.server.url);
  await setProfile(secretary, { name: '王秘书', unit: '党政办' });
  await nav(secretary, '干部名册');
  await addCadre(secretary, { name: '张三', unit: '党政办', post: '主任' });
  await nav(secretary, '数据管理');
  const base = await download(secretary, () => secretary.getByRole('button', { name: '导出全部数据' }).click());

  // A colleague restores it in their own browser and changes 张三's post.
  const colleagueCtx = await freshContext(app.browser);
  const colleague = await openApp(colleagueCtx, app.server.url);
  await setProfile(colleague, { name: '李干事', unit: '组织办' });
  await importFile(colleague, { name: base.name, mimeType: 'application/json', buffer: Buffer.from(base.text) });
  await colleague.getByRole('button', { name: '确认导入' }).click();
  await colleague.getByText(/导入完成/).waitFor();
  const editPost = async (page, post) => {
    await nav(page, '干部名册');
    await page.getByRole('button', { name: '编辑 张三' }).click();
    await page.getByRole('form', { name: '编辑干部' }).getByLabel('职务').fill(post);
    await page.getByRole('form', { name: '编辑干部' }).getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存：张三（党政办）').waitFor();
  };
  const exportFrom = async (page) => {
    await nav(page, '数据管理');
    return download(page, () => page.getByRole('button', { name: '导出全部数据' }).click());
  };
  await editPost(colleague, '副主任');
  const theirs = await exportFrom(colleague);

  // Meanwhile the secretary changed the phone: a different field, so both changes stay.
  await nav(secretary, '干部名册');
  await secretary.getByRole('button', { name: '编辑 张三' }).click();
  await secretary.getByRole('form', { name: '编辑干部' }).getByLabel('电话').fill('13900000000');
  await secretary.getByRole('form', { name: '编辑干部' }).getByRole('button', { name: '保存' }).click();
  await secretary.getByText('已保存：张三（党政办）').waitFor();
  await importFile(secretary, { name: theirs.name, mimeType: 'application/json', buffer: Buffer.from(theirs.text) });
  await secretary.getByText('有 1 条记录在本机和文件中改了不同的内容，两边的修改都已合并，不会丢失。').waitFor();
  assert.equal(await secretary.locator('.conflicts').count(), 0);
  // The roster is the office's: a file's change to it is taken only by name.
  await secretary.getByRole('group', { name: '文件要修改本单位（党政办）建立的 1 条记录，默认不采用' })
    .getByLabel('采用文件中对干部“张三”的修改').check();
  await secretary.getByRole('button', { name: '确认导入' }).click();
  await secretary.getByText(/导入完成：写入 1 条记录/).waitFor();
  await nav(secretary, '干部名册');
  assert.match(await secretary.getByRole('table', { name: '干部名册' }).innerText(), /张三\t党政办\t副主任\t13900000000/);

  // Now both change the post: that one field is a conflict, shown in their words with who
  // changed each side, and settled by the secretary.
  await editPost(colleague, '科长');
  const again = await exportFrom(colleague);
  await editPost(secretary, '处长');
  await importFile(secretary, { name: again.name, mimeType: 'application/json', buffer: Buffer.from(again.text) });
  const conflict = secretary.getByRole('group', { name: '干部：张三' });
  await conflict.waitFor();
  const head = await conflict.locator('thead th').allInnerTexts();
  assert.equal(head[0], '内容');
  assert.match(head[1], /^本机（王秘书，.*修改）$/);
  assert.match(head[2], /^文件（李干事，.*修改）$/);
  const rows = await conflict.locator('tbody tr').allInnerTexts();
  assert.deepEqual(rows.map((r) => r.split('\t').map((c) => c.trim()).slice(0, 3)), [['职务', '处长', '科长']]);
  assert.equal(await secretary.getByRole('button', { name: '确认导入' }).isDisabled(), true);
  await conflict.getByLabel('两者都保留').check();
  await secretary.getByRole('button', { name: '确认导入' }).click();
  await secretary.getByText(/导入完成：写入 2 条记录/).waitFor();
  await nav(secretary, '干部名册');
  const text = await secretary.getByRole('table', { name: '干部名册' }).innerText();
  assert.match(text, /张三\t党政办\t处长\t13900000000/);
  assert.match(text, /张三（副本）\t党政办\t科长/);

  assert.deepEqual(secretary.problems, []);
  assert.deepEqual(colleague.problems, []);
  await secretaryCtx.close();
  await colleagueCtx.close();
});

test('干部改过的备份不会改动党政办的名册：文件中的修改默认不采用，本机不变', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  await addCadre(page, { name: '张三', unit: '党政办', post: '主任' });
  await nav(page, '数据管理');
  const base = await download(page, () => page.getByRole('button', { name: '导出全部数据' }).click());
  // A cadre's browser that restored it and, by hand, renamed him and marked him deleted.
  const crafted = JSON.parse(base.text);
  const zhang = crafted.records.cadres[0];
  zhang.meta.versions['cadre-browser'] = 999;
  zhang.meta.rev += 999;
  zhang.post = '已调离';
  zhang.retired = true;
  await chooseFiles(page, '选择备份文件（.json）', { name: '干部的备份.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(crafted)) });
  await page.getByLabel('采用文件中对干部“张三”的修改').waitFor();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText(/导入完成：写入 0 条记录/).waitFor();
  await nav(page, '干部名册');
  assert.match(await page.getByRole('table', { name: '干部名册' }).innerText(), /张三\t党政办\t主任/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('磁盘空间不够时，导入在写入前就被拒绝并说明原因，本机数据不变', async () => {
  const context = await freshContext(app.browser);
  // The browser reports what it has left, as on a nearly full disk: 6 MB for this site until
  // the test says otherwise — too little for this import whether or not the service worker has
  // stored the app's files yet. (Chromium's own quota override is not seen by storage.estimate().)
  await context.addInitScript(() => {
    const real = navigator.storage.estimate.bind(navigator.storage);
    navigator.storage.estimate = async () => {
      const e = await real();
      return localStorage.getItem('test.room') === 'plenty' ? e : { usage: e.usage, quota: 6 * 1024 * 1024 };
    };
  });
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '刘干事', unit: '财政所' });
  await addCadre(page, { name: '孙七', unit: '财政所' });
  // A colleague's backup of 5,000 people (about 1.5 MB of text).
  const at = new Date().toISOString();
  const cadres = Array.from({ length: 5000 }, (_, i) => ({
    meta: { id: crypto.randomUUID(), created_at: at, updated_at: at, rev: 1, versions: { other: 1 } },
    name: `干部${i}`, unit: '党政办', post: '', phone: '', retired: false,
  }));
  const file = JSON.stringify({
    format: 'zuofeng', format_version: 1, min_app_version: '0.1.0', app_version: '0.1.0', kind: 'backup',
    exported_by: { name: '同事', unit: '党政办', post: '', device_id: 'other' }, exported_at: at, records: { cadres },
  });
  await nav(page, '数据管理');
  await chooseFiles(page, '选择备份文件（.json）', { name: '同事的备份.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  // A large import keeps a backup of this browser first, in the same click.
  await page.getByText(/这次导入较大（写入约 5000 条记录/).waitFor();
  const safety = await download(page, () => page.getByRole('button', { name: '先导出本机备份，再确认导入' }).click());
  assert.deepEqual(JSON.parse(safety.text).records.cadres.map((c) => c.name), ['孙七']);
  await page.getByText(/放不下。为免损坏已有数据，什么都没有写入/).waitFor();
  assert.deepEqual(await rosterNames(page), ['孙七']);

  // With room again, the same file goes in whole.
  await page.evaluate(() => localStorage.setItem('test.room', 'plenty'));
  await nav(page, '数据管理');
  await chooseFiles(page, '选择备份文件（.json）', { name: '同事的备份.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await download(page, () => page.getByRole('button', { name: '先导出本机备份，再确认导入' }).click());
  await page.getByText(/导入完成：写入 5000 条记录/).waitFor({ timeout: 60_000 });
  // 5,001 people are drawn a page at a time.
  await nav(page, '干部名册');
  await page.getByText('共 5001 人，当前第 1 / 26 页').waitFor();
  assert.equal(await page.getByRole('table', { name: '干部名册' }).locator('tbody tr').count(), 200);
  await page.getByRole('button', { name: '下一页' }).click();
  await page.getByText('共 5001 人，当前第 2 / 26 页').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('两个标签页改同一个人：后保存的旧表单被拒绝并说明，不会覆盖先保存的修改', async () => {
  const context = await freshContext(app.browser);
  const first = await openApp(context, app.server.url);
  await setProfile(first, { name: '王秘书', unit: '党政办' });
  await addCadre(first, { name: '张三', unit: '党政办', post: '主任' });
  const second = await openApp(context, app.server.url);
  await nav(second, '干部名册');
  // Both tabs open the same person's form.
  for (const page of [first, second]) {
    await nav(page, '干部名册');
    await page.getByRole('button', { name: '编辑 张三' }).click();
  }
  await second.getByRole('form', { name: '编辑干部' }).getByLabel('电话').fill('13900000000');
  await second.getByRole('form', { name: '编辑干部' }).getByRole('button', { name: '保存' }).click();
  await second.getByText('已保存：张三（党政办）').waitFor();
  // The first tab hears of it: its list shows the new phone without a reload.
  await first.getByRole('table', { name: '干部名册' }).getByText('13900000000').waitFor();
  // Its form was read before that save: saving it would undo the phone, so it is refused.
  await first.getByRole('form', { name: '编辑干部' }).getByLabel('职务').fill('副主任');
  await first.getByRole('form', { name: '编辑干部' }).getByRole('button', { name: '保存' }).click();
  await first.getByText(/刚在另一个标签页或窗口中被修改过，为免覆盖那边的修改，这次没有保存/).waitFor();
  assert.match(await rosterNames(first).then(() => first.getByRole('table', { name: '干部名册' }).innerText()), /张三\t党政办\t主任\t13900000000/);
  assert.deepEqual(first.problems, []);
  assert.deepEqual(second.problems, []);
  await context.close();
});

test('干部第一次使用时选“干部”，看到为自己准备的首页和页面；改回党政办后看到全部', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '赵一', unit: '农业站', cadre: true });
  const main = page.getByRole('navigation', { name: '主导航' });
  assert.equal(await main.getByRole('link', { name: '干部名册' }).count(), 0);
  assert.equal(await main.getByRole('link', { name: '谈话诫勉' }).count(), 0);
  const todo = page.getByRole('region', { name: '我要做的' });
  await todo.getByRole('link', { name: '参加测验' }).waitFor();
  await todo.getByRole('link', { name: '驻村日志' }).waitFor();
  // 学习测验 opens on taking a test; the office's tabs are not offered.
  await nav(page, '学习测验');
  const tabs = page.getByRole('navigation', { name: '学习测验' });
  assert.deepEqual(await tabs.getByRole('link').allInnerTexts(), ['参加测验', '自学与错题本', '学习记录']);
  assert.ok(await tabs.getByRole('link', { name: '参加测验' }).evaluate((a) => a.classList.contains('active')));
  await nav(page, '述职评议');
  assert.deepEqual(await page.getByRole('navigation', { name: '述职评议' }).getByRole('link').allInnerTexts(), ['自评与述职', '网上评议（评议人）']);

  // The office's pages are not a typed address away: each leads to 首页, saying why.
  for (const address of ['#/roster', '#/admonition', '#/admonition/calendar', '#/admonition/templates', '#/admonition/share']) {
    await page.goto(`${app.server.url}${address}`);
    await page.getByRole('heading', { level: 1, name: '赵一，您好' }).waitFor();
    await page.getByRole('alert').getByText(/已回到首页/).waitFor();
    assert.equal(await page.getByRole('heading', { name: '干部名册' }).count(), 0, address);
    assert.ok(!page.url().includes('roster') && !page.url().includes('admonition'), page.url());
  }
  // 首页 offers tiles only to what a cadre may open.
  const tiles = await page.locator('.tiles .tile h2').allInnerTexts();
  assert.ok(!tiles.includes('干部名册') && !tiles.includes('谈话诫勉'), tiles.join('、'));

  // Changed in 个人信息: the office's view again.
  await page.getByRole('link', { name: '赵一（农业站）' }).click();
  await page.getByLabel('党政办（组织评议测验、收集文件）').check();
  await page.getByRole('button', { name: '保存' }).click();
  await main.getByRole('link', { name: '干部名册' }).waitFor();
  await context.close();
});

test('名册按单位和姓名的拼音排列，导出 Excel（电话是文本）和可再导入的 CSV', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  await addCadre(page, { name: '赵六', unit: '镇政府' });
  await addCadre(page, { name: '王五', unit: '张庄村', phone: '6123456' });
  await addCadre(page, { name: '李四', unit: '李家村', post: '驻村员', phone: '13800000000' });
  // 李家村 (li) before 张庄村 (zhang): pinyin, where character codes would put 张 first.
  assert.deepEqual(await rosterNames(page), ['李四', '王五', '赵六']);
  const sheet = await readOffice(page, () => page.getByRole('button', { name: '导出 Excel' }).click());
  assert.equal(sheet.rows[0][0], '干部名册');
  assert.deepEqual(sheet.rows.find((r) => r[0] === '王五'), ['王五', '张庄村', '', '6123456', '在岗']);
  const listed = await download(page, () => page.getByRole('button', { name: '导出 CSV' }).click());
  assert.match(listed.text, /李四,李家村,驻村员,'13800000000,在岗/);
  // The CSV goes back in: everyone is already on the roster, nobody changes.
  await chooseFiles(page, '选择名册 CSV 文件', { name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from(listed.text) });
  await page.getByText('新增 0 人，更新 0 人，已在名册中 3 人').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('第一次使用时不替人选角色：只填姓名单位就保存，会提示选择', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await page.getByRole('heading', { name: '欢迎使用作风建设工作台' }).waitFor();
  for (const role of ['党政办（组织评议测验、收集文件）', '干部（答题、填表、上报）']) {
    assert.equal(await page.getByLabel(role).isChecked(), false, role);
  }
  await page.getByLabel('姓名').fill('钱二');
  await page.getByLabel('单位').fill('财政所');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('请选择您在这台电脑上主要是党政办还是干部。').waitFor();
  assert.equal(await page.getByRole('navigation', { name: '主导航' }).count(), 0, 'not in until a role is chosen');
  await page.getByLabel('干部（答题、填表、上报）').check();
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('heading', { level: 1, name: '钱二，您好' }).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});
