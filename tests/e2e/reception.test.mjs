// The reception flow end to end, as a coordinator on demo data: a bus of 20 arrives (registered through the
// API), the desk works the batch view (food kits for three people, medical care accepted for one), the
// queues per desk and the dashboard's counts change, and the person's page shows the checklist.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { COORDINATOR, firstReceptionCentre, logIn, screenshot, startApp, tid, uniqueToken } from './harness.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

async function foodKitsDone(client) {
  const { status, body } = await client.get('/dashboard?days=30');
  assert.equal(status, 200);
  return body.services.find((row) => row.item === 'food_kit').done;
}

test('a bus of 20: the desk ticks services and the dashboard counts change', { timeout: 150_000 }, async () => {
  const client = await app.apiAs(COORDINATOR);
  const centre = await firstReceptionCentre(app);
  const batch = `Autobús E2E ${uniqueToken().toUpperCase()}`;
  const ids = [];
  for (let idx = 0; idx < 20; idx++) {
    const { status, body } = await client.post('/households', {
      site_id: centre.id, mode: 'bus', batch_id: batch,
      members: [{ given_names: `Pasajero ${String.fromCharCode(65 + idx)}`, paternal_surname: 'Bus', sex: idx % 2 ? 'M' : 'F',
        relationship: 'head', consents: { services: true } }],
    });
    assert.equal(status, 201, JSON.stringify(body));
    ids.push(body.members[0].id);
  }
  const before = await foodKitsDone(client);

  const page = await app.newPage({ locale: 'es-MX' });
  await logIn(page, `/#/sitios/${centre.id}/grupos`, COORDINATOR);
  await page.locator(tid('batches-list')).waitFor();
  await page.locator(tid('batch-link')).filter({ hasText: batch }).click();
  const people = page.locator(tid('batch-person'));
  await people.first().waitFor();
  assert.equal(await people.count(), 20);

  const cell = (personId, item) =>
    page.locator(`${tid('batch-person')}[data-person-id="${personId}"] td[data-item="${item}"]`);
  for (const personId of ids.slice(0, 3)) {
    await cell(personId, 'food_kit').locator('select').selectOption('done');
    await page.locator(`${tid('batch-person')}[data-person-id="${personId}"] td[data-item="food_kit"][data-status="done"]`).waitFor();
  }
  await cell(ids[3], 'medical_care').locator('select').selectOption('accepted');
  await page.locator(`${tid('batch-person')}[data-person-id="${ids[3]}"] td[data-item="medical_care"][data-status="accepted"]`).waitFor();
  const foodDesk = page.locator(`${tid('batch-desk')}[data-item="food_kit"]`);
  assert.equal(await foodDesk.locator(tid('desk-done')).innerText(), '3');
  assert.equal(await page.locator(`${tid('batch-desk')}[data-item="medical_care"]`).locator(tid('desk-waiting')).innerText(), '1');
  await screenshot(page, 'batch-view');

  await page.click(tid('nav-dashboard'));
  await page.locator(tid('dashboard-services')).waitFor();
  const done = page.locator(`${tid('dashboard-service')}[data-item="food_kit"]`).locator(tid('service-done'));
  await done.filter({ hasText: new RegExp(`^${before + 3}$`) }).waitFor();
  assert.ok(Number(await page.locator(tid('dashboard-today')).innerText()) >= 20);
  await page.locator(`${tid('chart-arrivals')} canvas`).first().waitFor();
  await screenshot(page, 'dashboard');

  await page.goto(`/#/personas/${ids[0]}`);
  // A coordinator says why before opening a person's record (break-glass).
  await page.fill(tid('reason-input'), 'Revisión de servicios del autobús');
  await page.click(tid('reason-submit'));
  await page.locator(`${tid('service-item')}[data-item="food_kit"][data-status="done"]`).waitFor();
  assert.deepEqual(page.errors, []);
});
