/**
 * The built site on a static host under a sub-path (`/courses/os/iolab/`), as a course site would
 * serve it: the lab, its side panels, Chinese with its fonts, and a lazily loaded page all come
 * from that path (the build's base is relative), and nothing is missing or fetched from elsewhere.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { test, expect, counter, stepText, visibleOf } from './fixtures.ts';
import hallEn from '../src/i18n/en/pages/hall.ts';

const DIST = resolve(import.meta.dirname, '..', 'dist');
const PREFIX = '/courses/os/iolab/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.png': 'image/png',
};

let server: Server;
let base = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(PREFIX)) {
      res.writeHead(404).end();
      return;
    }
    const rel = normalize(path.slice(PREFIX.length) || 'index.html');
    if (rel.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    readFile(join(DIST, rel)).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}${PREFIX}`;
});

test.afterAll(async () => {
  await new Promise((done) => server.close(done));
});

test('under a sub-path: the lab, its side panels, Chinese and another page all load from there', async ({
  page,
}) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      failed.push(`elsewhere: ${r.url()}`);
  });

  const id = 'select';
  const steps = visibleOf(id);
  await page.goto(`${base}#/${id}?step=${steps[10]}&lang=zh`);
  await expect(counter(page)).toContainText(stepText(11, steps.length, 'zh'));
  await expect(page.getByTestId('narration')).toContainText(/[\u4e00-\u9fff]/);
  await expect(page.locator('.side-column:not(.side-waiting)')).toBeVisible();
  await expect(page.locator('.pn-code').first()).toContainText('select.select(');
  // The Chinese fonts came from the sub-path too (a face of the family, loaded).
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.fonts].some((f) => f.family.includes('Noto Sans SC') && f.status === 'loaded'),
      ),
    )
    .toBe(true);

  await page.goto(`${base}#/hall?lang=en`);
  await expect(page.getByRole('heading', { name: hallEn['hall.title'] })).toBeVisible();
  expect(failed).toEqual([]);
});
