import { test, expect, type Page } from '@playwright/test';

// The Python listings follow the page's language: Chinese comments, the same code on the same lines.
test.use({ viewport: { width: 1280, height: 720 } });

async function currentLine(page: Page): Promise<{ n: string | null; code: string }> {
  const line = page.getByTestId('current-line');
  await expect(line).toBeVisible();
  const text = (await line.locator('.pn-src').textContent()) ?? '';
  return { n: await line.getAttribute('data-line'), code: text.split('#')[0]!.trimEnd() };
}

test('a Chinese page shows the listings with Chinese comments, highlighting the same line as in English', async ({
  page,
}) => {
  await page.goto('./#/select?step=12&lang=en');
  await expect(page.locator('.pn-code')).toContainText('# I/O multiplexing with select()');
  const en = await currentLine(page);

  await page.goto('./#/select?step=12&lang=zh');
  await expect(page.locator('.pn-code')).toContainText('# 用 select() 实现 I/O 多路复用');
  await expect(page.locator('.pn-code')).not.toContainText('this client has left');
  expect(await currentLine(page)).toEqual(en);
  await expect(page.locator('.pn-code [lang="zh"]').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/listing-zh-1280.png' });

  await page.getByRole('tab', { name: /客户端/ }).click();
  await expect(page.getByTestId('client-listing')).toContainText('# 从不等待回复');

  // The handout, then the playground's copy (last: the playground keeps its own address).
  await page.goto('./#/handout?scenario=select&lang=zh');
  await expect(page.getByTestId('handout-listing')).toContainText('# 不会阻塞：select 已经说它就绪了');
  await page.goto('./#/select?step=12&lang=zh');
  await page.getByTestId('open-in-playground').click();
  await expect(page.getByTestId('program-editor')).toContainText('一次调用等待所有套接字');
});

test("the playground's starter listing, left as it is, follows the page's language", async ({ page }) => {
  await page.goto('./#/playground?lang=zh');
  const editor = page.getByTestId('program-editor');
  await expect(editor).toContainText('# 阻塞 I/O：一个线程一次只服务一个连接。');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(editor).toContainText('# Blocking I/O: one thread serves one connection at a time.');
});
