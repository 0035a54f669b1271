// Language switch end to end: English replaces the Spanish labels, survives a reload, and switching back works.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { COORDINATOR, logIn, screenshot, startApp, tid, waitForText } from './harness.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

test('the English switch changes the labels and is remembered after a reload', { timeout: 60_000 }, async () => {
  const page = await app.newPage({ locale: 'es-MX' });
  await logIn(page, '/', COORDINATOR);
  await waitForText(page, tid('page-title'), 'Personas');
  assert.equal(await page.getAttribute(tid('lang-es'), 'aria-pressed'), 'true');

  await page.click(tid('lang-en'));
  await waitForText(page, tid('page-title'), 'People');
  assert.equal((await page.textContent(tid('nav-persons')))?.trim(), 'People');
  assert.equal((await page.textContent(tid('nav-intake')))?.trim(), 'Intake');
  assert.equal((await page.textContent(tid('nav-sites')))?.trim(), 'Sites');
  assert.equal((await page.textContent(tid('search-submit')))?.trim(), 'Search');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute(tid('lang-en'), 'aria-pressed'), 'true');

  await page.reload();
  await waitForText(page, tid('page-title'), 'People');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');

  await page.click(tid('nav-intake'));
  await waitForText(page, tid('page-title'), 'Arrival intake');
  assert.equal((await page.textContent('label[for$="-given_names"]'))?.trim(), 'Given names');
  assert.equal((await page.textContent(tid('intake-submit')))?.trim(), 'Register household');
  await screenshot(page, 'intake-english');

  await page.click(tid('lang-es'));
  await waitForText(page, tid('page-title'), 'Registro de llegada');
  await page.reload();
  await waitForText(page, tid('page-title'), 'Registro de llegada');
  assert.deepEqual(page.errors, []);
});
