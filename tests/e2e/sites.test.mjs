// Sitios end to end: create a shelter, add bed sections, edit it (sending the loaded version), and see it
// in the list with the sum of its sections' beds. As a coordinator (who may manage sites).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { COORDINATOR, logIn, screenshot, startApp, tid, uniqueToken, waitForText } from './harness.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

async function addSection(page, name, kind, beds) {
  const form = page.locator(tid('section-form'));
  await form.locator(tid('section-name')).fill(name);
  await form.locator(tid('section-kind')).selectOption(kind);
  await form.locator(tid('section-beds-input')).fill(String(beds));
  await form.locator(tid('section-add')).click();
  await waitForText(page, tid('section-row'), name);
}

test('creates a site and its sections and lists it with its beds', { timeout: 90_000 }, async () => {
  const page = await app.newPage();
  const name = `Albergue Prueba ${uniqueToken().toUpperCase()}`;
  await logIn(page, '/#/sitios', COORDINATOR);
  await waitForText(page, tid('page-title'), 'Sitios');
  await page.click(tid('site-new'));
  await waitForText(page, tid('page-title'), 'Nuevo sitio');

  await page.fill(tid('site-name'), name);
  await page.selectOption(tid('site-kind'), 'shelter');
  await page.fill(tid('site-operator'), 'Red de Albergues del Noreste');
  await page.fill(tid('site-city'), 'Reynosa');
  await page.selectOption(tid('site-state'), '28');
  // The state's usual zone is proposed until the user picks one.
  assert.equal(await page.inputValue(tid('site-timezone')), 'America/Matamoros');
  await page.fill(tid('site-latitude'), '26.0922');
  await page.fill(tid('site-longitude'), '-98.2772');
  await screenshot(page, 'site-new');
  await page.click(tid('site-save'));

  await waitForText(page, tid('site-title'), name);
  await page.locator(tid('sections-empty')).waitFor();
  await addSection(page, 'Familias B', 'families', 45);
  await waitForText(page, tid('site-beds-total'), '45');
  await addSection(page, 'Mujeres', 'women', 30);
  await waitForText(page, tid('site-beds-total'), '75');
  assert.equal(await page.locator(tid('section-row')).count(), 2);

  // Edit the site: the form sends the version it loaded.
  await page.click(tid('site-edit'));
  await page.locator(tid('site-form')).waitFor();
  assert.equal(await page.inputValue(tid('site-name')), name);
  assert.equal(await page.inputValue(tid('site-timezone')), 'America/Matamoros');
  await page.fill(tid('site-operator'), 'Red de Albergues de Tamaulipas');
  await page.click(tid('site-save'));
  await waitForText(page, tid('site-page'), 'Red de Albergues de Tamaulipas');
  await waitForText(page, tid('site-beds-total'), '75');
  await page.locator(`${tid('arrivals-today')} ${tid('loading')}`).waitFor({ state: 'detached' });
  await screenshot(page, 'site-detail');

  await page.click(tid('nav-sites'));
  const row = await waitForText(page, tid('site-row'), name);
  assert.equal((await row.locator(tid('site-beds')).textContent())?.trim(), '75');
  assert.match(await row.textContent(), /Albergue/);
  assert.match(await row.textContent(), /Reynosa/);
  assert.match(await row.textContent(), /Tamaulipas/);
  await screenshot(page, 'sites-list');
  assert.deepEqual(page.errors, []);
});
