/**
 * Page safety. A note written to attack the pages — a <script> element, an <img onerror>,
 * javascript: links, markup in a title and a description — is shown as inert text: no dialog, no
 * script runs, no element is created from it. And a server with a token asks for it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { copyNotes, EXAMPLE_NOTES, listen, startTestServer, type TestServer } from '../server/support.js';
import { launchBrowser, runBrowserTests, screenshot, watchedPage } from './browser.js';

const HOSTILE_NOTE = `---
date: 2024-03-19
subject: 'Platform sync <img src=x onerror="window.__pwned=1;alert(1)">'
description: '<script>window.__pwned=2</script> and more'
---

Attendees: Priya Raman, Marcus Oyelaran

#### Ledger <script>window.__pwned=3;alert(3)</script> review ####

Marcus pasted <script>window.__pwned=4;alert(4)</script> into the Ledger notes.
He also tried <img src=x onerror="window.__pwned=5;alert(5)"> and
<svg onload="window.__pwned=6"></svg> for good measure.

See [the dashboard](javascript:window.__pwned=7) and [docs](https://example.org/docs).

<iframe src="javascript:alert(8)"></iframe>

A line with <b onmouseover="window.__pwned=9">bold</b> text.
`;

describe.runIf(runBrowserTests)('page safety: hostile notes, the token', () => {
  let notes: { dir: string; cleanup: () => void };
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    notes = copyNotes(EXAMPLE_NOTES);
    writeFileSync(path.join(notes.dir, '2024-03-19.md'), HOSTILE_NOTE);
    [server, browser] = await Promise.all([startTestServer({ notesDir: notes.dir }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    notes?.cleanup();
  });

  it('renders the meeting page inert, with the markup shown as text', async () => {
    const { page, problems, close } = await watchedPage(browser, server.url);
    try {
      await page.goto(`${server.url}/#/meeting/2024-03-19`);
      const article = page.locator('article.discussion').first();
      await article.waitFor();
      // Move over everything that might carry a handler.
      await page.locator('main').hover();
      await article.locator('.note-text').hover();
      await page.waitForTimeout(300);

      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      const main = page.locator('main');
      expect(await main.locator('script, img, svg, iframe, b[onmouseover], [onerror], [onload]').count()).toBe(0);
      const text = (await main.textContent()) ?? '';
      expect(text).toContain('<script>window.__pwned=4;alert(4)</script>');
      expect(text).toContain('<img src=x onerror=');
      expect(text).toContain('<iframe src="javascript:alert(8)"></iframe>');
      expect(text).toContain('<b onmouseover=');
      expect(await page.locator('h1').textContent()).toContain('<img src=x onerror=');
      const api = (await server.get('/api/meetings/2024-03-19')).body;
      expect(await article.locator('h2').textContent()).toContain(api.discussions[0].heading.replace(/^#+\s*|\s*#+$/g, ''));
      // The javascript: link is text; the https one is a link.
      expect(await main.locator('a[href^="javascript:"]').count()).toBe(0);
      expect(await article.locator('.note-text a[href="https://example.org/docs"]').count()).toBe(1);
      await screenshot(page, 'hostile-meeting', true);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows search snippets and answers with the markup escaped', async () => {
    const { page, problems, close } = await watchedPage(browser, server.url);
    try {
      await page.goto(`${server.url}/#/search?q=${encodeURIComponent('pasted')}`);
      const hit = page.locator('ol.results > li.hit').first();
      await hit.waitFor();
      // Snippets are plain text (tags dropped by the index), with only <mark> as markup.
      expect(await hit.locator('.snippet').textContent()).toContain('pasted');
      expect(await hit.locator('.snippet *:not(mark)').count()).toBe(0);
      expect(await hit.locator('.snippet mark').count()).toBeGreaterThan(0);
      expect(await page.locator('main script, main img').count()).toBe(0);
      await page.goto(`${server.url}/#/ask?q=${encodeURIComponent('every Ledger discussion involving Marcus')}`);
      await page.locator('.interpretation').waitFor();
      await page.goto(`${server.url}/#/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
      await page.locator('.result-summary').waitFor();
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('#q').inputValue()).toBe('<script>alert(1)</script>');
      await screenshot(page, 'hostile-search');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('asks for the token when the server has one, and takes it from ?token= once', async () => {
    const guarded = await listen(createApp(server.state, { token: 'tab-token', log: () => undefined }));
    const { page, problems, close } = await watchedPage(browser, guarded.url);
    try {
      await page.goto(`${guarded.url}/#/people`);
      await page.locator('h1', { hasText: 'A token is needed' }).waitFor();
      await page.locator('#token').fill('tab-token');
      await page.locator('#token').press('Enter');
      await page.locator('h1', { hasText: 'People' }).waitFor();
      expect(await page.locator('table a[href^="#/person/"]').count()).toBeGreaterThan(3);

      const fresh = await watchedPage(browser, guarded.url);
      try {
        await fresh.page.goto(`${guarded.url}/?token=tab-token#/meetings`);
        await fresh.page.locator('h1', { hasText: 'Meetings' }).waitFor();
        // The token leaves the address bar (and so the history and any shared link).
        expect(fresh.page.url()).not.toContain('token');
        expect(fresh.problems.filter((p) => !/401/.test(p))).toEqual([]);
      } finally {
        await fresh.close();
      }
      expect(problems.filter((p) => !/401/.test(p))).toEqual([]);
    } finally {
      await close();
      await guarded.close();
    }
  });
});
