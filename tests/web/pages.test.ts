/**
 * The pages in a real browser over the MirageOS corpus: search with an operator, completion and a
 * facet; a result's meeting page with evidence; a question; the graph through to a project page;
 * back/forward; a phone-width layout; a person with more action items than their page lists.
 * Screenshots go to test-artifacts/.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DETAIL_ACTIONS, DETAIL_DISCUSSIONS } from '../../src/store/types.js';
import { MIRAGE, startTestServer, tempDir, type TestServer } from '../server/support.js';
import { launchBrowser, runBrowserTests, screenshot, watchedPage } from './browser.js';

describe.runIf(runBrowserTests)('pages over the MirageOS corpus', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let closePage: () => Promise<void>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(MIRAGE), launchBrowser()]);
    ({ page, problems, close: closePage } = await watchedPage(browser, server.url));
  });
  afterAll(async () => {
    await closePage?.();
    await browser?.close();
    await server?.close();
  });

  const hitCount = () => page.locator('ol.results > li.hit').count();

  it('searches with an operator, completes a name, narrows by a facet, and keeps it all in the URL', async () => {
    await page.goto(`${server.url}/#/search`);
    const box = page.locator('#q');
    await box.fill('irmin ');
    await box.pressSequentially('person:Thom');
    const option = page.locator('#q-suggestions [role="option"]', { hasText: 'Thomas Gazagnaire' });
    await option.waitFor();
    await box.press('ArrowDown');
    // The highlighted suggestion is the first; pick Thomas Gazagnaire wherever it is.
    await option.click();
    await expect.poll(() => box.inputValue()).toBe('irmin person:"Thomas Gazagnaire" ');
    await box.press('Enter');
    await page.waitForFunction(() => location.hash.includes('person'));
    // The empty query's hits (newest first) stay on the page until this query's answer comes, and
    // the summary says "Searching…" meanwhile: wait for this query's summary, not for any hit.
    const summaryText = async () => (await page.locator('.result-summary').textContent()) ?? '';
    await expect.poll(async () => { const t = await summaryText(); return /\d+ discussion/.test(t) && !t.includes('newest first'); }).toBe(true);
    const before = await hitCount();
    expect(before).toBeGreaterThan(3);
    const total = Number(/(\d+) discussion/.exec(await summaryText())?.[1]);
    const api = await server.get(`/api/search?q=${encodeURIComponent('irmin person:"Thomas Gazagnaire"')}`);
    expect(total).toBe(api.body.total);
    await screenshot(page, 'search');

    // A year facet narrows to that year and adds the operator to the query.
    const year = page.locator('button.facet-year').first();
    const yearText = (await year.locator('.facet-name').textContent())!;
    await year.click();
    await page.waitForFunction((y) => decodeURIComponent(location.hash).includes(`in:${y}`), yearText);
    await expect.poll(() => box.inputValue()).toContain(`in:${yearText}`);
    await expect.poll(async () => (await page.locator('.hit-meta a').first().textContent()) ?? '').toContain(yearText);
    for (const meta of await page.locator('.hit-meta').allTextContents()) expect(meta).toContain(yearText);
    await screenshot(page, 'search-facet');

    // Back returns to the query without the facet; forward brings it back.
    await page.goBack();
    await expect.poll(() => box.inputValue()).toBe('irmin person:"Thomas Gazagnaire"');
    await page.goForward();
    await expect.poll(() => box.inputValue()).toContain(`in:${yearText}`);
    expect(problems).toEqual([]);
  });

  it("opens a result's meeting page with the discussion, highlighted names and their evidence", async () => {
    await page.goto(`${server.url}/#/search?q=${encodeURIComponent('"filesystem backend"')}`);
    // The page is the previous test's (only the hash changes): wait for this query's results.
    const first = page.locator('ol.results > li.hit', { hasText: /filesystem backend/i }).locator('h2 a').first();
    await first.waitFor();
    const heading = (await first.textContent())!.trim();
    await first.click();
    await page.waitForFunction(() => location.hash.startsWith('#/meeting/'));
    const target = page.locator('article.discussion.targeted');
    await target.waitFor();
    expect((await target.locator('h2').textContent())!).toContain(heading);
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/Weekly Meeting/);
    expect(await target.locator('.note-text').textContent()).toMatch(/filesystem backend/);
    // People and projects are links in the text.
    const mention = target.locator('a.mention-project').first();
    expect(await mention.getAttribute('href')).toMatch(/^#\/project\//);
    // Evidence: the ¶ button of a fact shows the sentence it came from.
    const ev = target.locator('.facts-panel button.ev').first();
    await ev.click();
    const box = target.locator('.evidence-box');
    await box.waitFor({ state: 'visible' });
    expect(await box.textContent()).toMatch(/\.md:\d+/);
    expect(await ev.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'meeting');
    expect(problems).toEqual([]);
  });

  it('answers "every Irmin discussion involving ThomasG" with the discussions the API gives', async () => {
    const question = 'every Irmin discussion involving ThomasG';
    await page.goto(`${server.url}/#/ask`);
    await page.locator('#question').fill(question);
    await page.locator('#question').press('Enter');
    await page.locator('.interpretation').waitFor();
    await page.locator('ol.answer-discussions > li').first().waitFor();
    const api = (await server.get(`/api/ask?q=${encodeURIComponent(question)}`)).body;
    expect(api.kind).toBe('discussions');
    expect(await page.locator('.interpretation').textContent()).toBe(api.interpretation);
    const shown = await page.locator('ol.answer-discussions > li').evaluateAll((items) =>
      items.map((li) => `${li.querySelector('.hit-meta')?.textContent} ${li.querySelector('h2')?.textContent}`),
    );
    expect(shown).toHaveLength(api.items.length);
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const fmt = (date: string) => {
      const [y, m, d] = date.split('-').map(Number);
      return `${d} ${months[m - 1]} ${y}`;
    };
    api.items.forEach((item: { meeting: string; heading: string }, i: number) => {
      expect(shown[i]).toContain(fmt(item.meeting));
      expect(shown[i]).toContain(item.heading || '(untitled)');
    });
    // Two discussions read in the notes: ThomasG on Irmin in 2014-06-10 ("Irmin") and 2014-10-28 ("mirage-tc release").
    expect(shown.some((s) => s.includes('10 Jun 2014') && /\bIrmin\b/.test(s))).toBe(true);
    expect(shown.some((s) => s.includes('28 Oct 2014') && s.includes('mirage-tc release'))).toBe(true);
    // The query behind the answer.
    await page.locator('.query-behind summary').click();
    expect(await page.locator('.query-behind code').first().textContent()).toBe(api.query.name);
    expect(await page.locator('pre.cypher').textContent()).toBe(api.query.cypher);
    await screenshot(page, 'ask');

    await page.goto(`${server.url}/#/ask?q=${encodeURIComponent('how many meetings per year?')}`);
    await page.locator('.chart canvas').waitFor();
    await page.waitForFunction(() => (window as unknown as { Chart?: unknown }).Chart !== undefined);
    await screenshot(page, 'ask-series');
    expect(problems).toEqual([]);
  });

  it('draws the graph and opens a project page from a node', async () => {
    await page.goto(`${server.url}/#/graph`);
    await page.waitForFunction(() => {
      const el = document.getElementById('cy') as (HTMLElement & { _cyreg?: { cy?: { nodes: () => { length: number } } } }) | null;
      return (el?._cyreg?.cy?.nodes().length ?? 0) > 0;
    });
    await page.waitForTimeout(300);
    await screenshot(page, 'graph');
    // The biggest project node, by its position on the screen.
    const target = await page.evaluate(() => {
      const el = document.getElementById('cy') as HTMLElement & { _cyreg: { cy: any } };
      const cy = el._cyreg.cy;
      const node = cy
        .nodes('[kind = "project"]')
        .sort((a: any, b: any) => b.data('weight') - a.data('weight'))[0];
      const box = el.getBoundingClientRect();
      const pos = node.renderedPosition();
      return { x: box.left + pos.x, y: box.top + pos.y, id: node.data('ref'), name: node.data('name') };
    });
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction((id) => location.hash === `#/project/${encodeURIComponent(id)}`, target.id);
    await expect.poll(() => page.locator('h1').textContent()).toBe(target.name);
    await page.locator('.chart canvas').waitFor();
    await page.waitForTimeout(200);
    await screenshot(page, 'project');
    // From the project page to a person's page.
    await page.locator('.counts a[href^="#/person/"]').first().click();
    await page.locator('p.kind-person').waitFor();
    await page.locator('.chart canvas').waitFor();
    await page.waitForTimeout(200);
    await screenshot(page, 'person');
    expect(problems).toEqual([]);
  });

  it('works at phone width and from the keyboard', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${server.url}/#/search?q=irmin`);
      await page.locator('ol.results > li.hit').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, 'phone-search');
      await page.goto(`${server.url}/#/meeting/2014-06-10`);
      await page.locator('article.discussion').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, 'phone-meeting');

      // Keyboard: from the skip link, Tab reaches the nav links and Enter follows one — also while
      // the page is still loading: its input must not take the focus back when it is done.
      let releaseSearch = (): void => {};
      const searchHeld = new Promise<void>((resolve) => (releaseSearch = resolve));
      await page.route('**/api/search?**', async (route) => {
        await searchHeld;
        await route.continue();
      });
      await page.goto(`${server.url}/#/search`);
      await page.locator('main[aria-busy="true"]').waitFor();
      await page.focus('.skip-link');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Search');
      releaseSearch();
      await page.locator('main:not([aria-busy])').waitFor();
      await page.unroute('**/api/search?**');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Search');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ask');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#/ask');
      expect(problems).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('lists the meetings newest first, with their count, and filters them', async () => {
    await page.goto(`${server.url}/#/meetings`);
    await page.locator('table tbody tr').first().waitFor();
    const api = await server.get('/api/meetings?limit=1000');
    const newest = api.body.items.at(-1);
    expect(await page.locator('table tbody tr').count()).toBe(api.body.total);
    expect(await page.locator('table tbody tr').first().locator('a').getAttribute('href')).toContain(encodeURIComponent(newest.meetingId));
    expect(await page.locator('.result-summary').textContent()).toBe(`${api.body.total} meetings`);
    await page.locator('#filter').fill(newest.title);
    await expect.poll(() => page.locator('table tbody tr').count()).toBeLessThan(api.body.total);
    expect(await page.locator('table tbody tr').first().textContent()).toContain(newest.title);
  });

  it('shows the curation page with the lines to add', async () => {
    await page.goto(`${server.url}/#/curation`);
    await page.locator('h1', { hasText: 'Curation' }).waitFor();
    const api = (await server.get('/api/curation')).body;
    if (api.projectsYaml) expect(await page.locator('pre.yaml').last().textContent()).toBe(api.projectsYaml);
    await screenshot(page, 'curation', true);
    expect(problems).toEqual([]);
  });
});

describe.runIf(runBrowserTests)('a person with more action items and discussions than their page lists', () => {
  const OWNED = DETAIL_ACTIONS + 12;
  // One item per discussion: she takes part in as many discussions as she owns items.
  const DISCUSSED = OWNED;
  let notes: { dir: string; cleanup: () => void };
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    notes = tempDir('busy-notes');
    // Four weekly notes share the commitments out, one discussion each.
    const days = ['07', '14', '21', '28'];
    for (const [n, day] of days.entries()) {
      const commitments = Array.from({ length: OWNED / days.length }, (_, i) => `### Report ${n + 1}.${i + 1}\n\nAnn will write report ${n + 1}.${i + 1}.`).join('\n\n');
      writeFileSync(path.join(notes.dir, `2024-05-${day}.md`), `Attendees: Ann Lee, Bo Park\n\n${commitments}\n`);
    }
    [server, browser] = await Promise.all([startTestServer({ notesDir: notes.dir }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    notes?.cleanup();
  });

  it('counts them all, shows the newest, and links to the question that lists every one', async () => {
    const { page, problems, close } = await watchedPage(browser, server.url);
    try {
      const person = (await server.get('/api/people/ann-lee')).body;
      expect([person.actionCount, person.actions.length]).toEqual([OWNED, DETAIL_ACTIONS]);
      await page.goto(`${server.url}/#/person/ann-lee`);
      await page.locator('p.kind-person').waitFor();
      expect(await page.locator('.facts div', { hasText: 'Action items' }).locator('dd').textContent()).toBe(String(OWNED));
      // Newest first: the last meeting's items head the table, the first meeting's oldest are left out.
      const actionsSection = page.locator('section[aria-labelledby="s-action-items"]');
      expect(await actionsSection.locator('table tbody tr').first().textContent()).toContain('28 May 2024');
      expect(person.actions[0].meeting).toBe('2024-05-07');
      await actionsSection.locator('a', { hasText: `All ${OWNED} action items` }).click();
      await page.waitForFunction(() => location.hash.startsWith('#/ask'));
      const asked = (await server.get(`/api/ask?q=${encodeURIComponent('what did Ann Lee take on?')}`)).body;
      expect(asked.items).toHaveLength(OWNED);
      await expect.poll(() => page.locator('.answer .result-summary').textContent()).toBe(`${OWNED} action items`);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('counts her discussions, lists the newest, and links to the search that finds every one', async () => {
    const { page, problems, close } = await watchedPage(browser, server.url);
    try {
      const person = (await server.get('/api/people/ann-lee')).body;
      expect([person.discussionCount, person.discussions.length]).toEqual([DISCUSSED, DETAIL_DISCUSSIONS]);
      expect(person.activity).toEqual([{ period: '2024-05', meetings: 4, discussions: DISCUSSED }]);
      // Newest first: the last meeting's last discussion heads the list, the first meeting's first is left out.
      expect(person.discussions[0].heading).toBe(`Report 4.${OWNED / 4}`);
      expect(person.discussions.some((d: { heading: string }) => d.heading === 'Report 1.1')).toBe(false);
      await page.goto(`${server.url}/#/person/ann-lee`);
      await page.locator('p.kind-person').waitFor();
      expect(await page.locator('.facts div', { hasText: 'Discussions' }).locator('dd').textContent()).toBe(String(DISCUSSED));
      const discussionsSection = page.locator('section[aria-labelledby="s-discussions"]');
      expect(await discussionsSection.locator('li').first().textContent()).toContain('28 May 2024');
      await discussionsSection.locator('a', { hasText: `All ${DISCUSSED} discussions` }).click();
      await page.waitForFunction(() => location.hash.startsWith('#/search'));
      await page.locator('ol.results > li.hit').first().waitFor();
      expect(await page.locator('.result-summary').textContent()).toMatch(new RegExp(`^${DISCUSSED} discussions\\b`));
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
