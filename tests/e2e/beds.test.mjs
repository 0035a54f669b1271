// The bed board end to end, as a coordinator on demo data: place an arriving bus (a family and ten single
// men) with the allocation engine, confirm, and see the beds held in the network view; then check a person
// in on a shelter's board and out again, watching the section's counts change.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { COORDINATOR, firstReceptionCentre, logIn, screenshot, startApp, tid, waitForText } from './harness.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

async function totalHeld(client) {
  const { status, body } = await client.get('/capacity');
  assert.equal(status, 200);
  return body.items.reduce((sum, site) => sum + site.held, 0);
}

test('places a bus and confirms it: the beds are held across the network', { timeout: 120_000 }, async () => {
  const client = await app.apiAs(COORDINATOR);
  const heldBefore = await totalHeld(client);
  const centre = await firstReceptionCentre(app);
  const page = await app.newPage({ locale: 'es-MX' });
  await logIn(page, '/#/colocar', COORDINATOR);
  await waitForText(page, tid('page-title'), 'Colocar un grupo que llega');
  await page.selectOption(tid('placement-site'), String(centre.id));
  await page.click(tid('placement-add-singles'));
  assert.equal(await page.locator(tid('placement-group')).count(), 11);
  await waitForText(page, tid('placement-people'), '13 personas en 11 hogares');
  await page.click(tid('placement-propose'));
  await page.locator(tid('placement-proposal')).waitFor();
  const rows = page.locator(tid('proposal-row'));
  assert.equal(await rows.count(), 11);
  // The family is placed whole in one section, and every placed row has a reason.
  const familySection = Number(await rows.first().getAttribute('data-section-id'));
  assert.ok(familySection > 0, 'the family got a section');
  const summary = await page.locator(tid('placement-summary')).innerText();
  const placed = Number(summary.match(/(\d+) personas con cama/)[1]);
  assert.ok(placed >= 3, summary);
  // Proposing writes nothing.
  assert.equal(await totalHeld(client), heldBefore);
  await screenshot(page, 'placement-proposal');

  await page.click(tid('placement-confirm'));
  await page.locator(tid('placement-confirmed')).waitFor();
  assert.equal(await totalHeld(client), heldBefore + placed);

  await page.click(tid('nav-beds'));
  await page.locator(tid('network-table')).waitFor();
  const familyRow = page.locator(`${tid('network-row')}[data-section-id="${familySection}"]`);
  assert.ok(Number(await familyRow.locator(tid('network-held')).innerText()) >= 3);
  await screenshot(page, 'network');
  assert.deepEqual(page.errors, []);
});

test('checks a person in on a shelter board and out again', { timeout: 120_000 }, async () => {
  const client = await app.apiAs(COORDINATOR);
  const { body: sites } = await client.get('/sites');
  const shelter = sites.items.filter((site) => site.kind === 'shelter' && site.beds > 0)[0];
  assert.ok(shelter, 'the demo data has a shelter with beds');
  const { status, body: found } = await client.get('/persons?q=a&limit=1');
  assert.equal(status, 200);
  const person = found.items[0];
  const surname = person.paternal_surname || person.maternal_surname;

  const page = await app.newPage({ locale: 'es-MX' });
  page.on('dialog', (dialog) => dialog.accept());
  await logIn(page, `/#/sitios/${shelter.id}/camas`, COORDINATOR);
  await page.locator(tid('bed-board')).waitFor();
  const sectionId = await page.locator(tid('checkin-section')).inputValue();
  const tile = page.locator(`${tid('board-tile')}[data-section-id="${sectionId}"]`);
  const occupiedBefore = Number(await tile.locator(tid('tile-occupied')).innerText());

  await page.fill(tid('checkin-person'), `${person.given_names.split(' ')[0]} ${surname}`);
  await page.locator(tid('checkin-result')).first().waitFor();
  await page.locator(tid('checkin-result')).filter({ hasText: person.full_name }).first().click();
  await page.locator(tid('checkin-chosen')).waitFor();
  await page.click(tid('checkin-submit'));
  await page.locator(tid('checkin-done')).waitFor();
  await tile.locator(tid('tile-occupied')).filter({ hasText: new RegExp(`^${occupiedBefore + 1}$`) }).waitFor();
  const section = page.locator(`${tid('board-section')}[data-section-id="${sectionId}"]`);
  const stay = section.locator(tid('board-stay')).filter({ hasText: person.full_name });
  await stay.waitFor();
  assert.equal(await stay.getAttribute('data-overdue'), 'false');
  await screenshot(page, 'bed-board');

  await stay.locator(tid('stay-checkout')).click();
  await stay.waitFor({ state: 'detached' });
  await tile.locator(tid('tile-occupied')).filter({ hasText: new RegExp(`^${occupiedBefore}$`) }).waitFor();
  assert.deepEqual(page.errors, []);
});
