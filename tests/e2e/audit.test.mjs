// Break-glass and audit end to end: a coordinator opening a person's record is asked why and then sees it
// (the reason is remembered for that person until the page is reloaded); the administrator then finds those
// reads, with the reason, in the audit trail, sees the hash chain verified, and manages accounts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ADMINISTRATOR, COORDINATOR, firstReceptionCentre, logIn, screenshot, startApp, tid, uniqueToken, waitForText,
} from './harness.mjs';

const REASON = `Seguimiento del traslado que pidió la familia — revisión ${uniqueToken(4)}`;

let app;
let person;
before(async () => {
  app = await startApp({ accounts: [COORDINATOR, ADMINISTRATOR] });
  // A demo person to open; searching needs no reason.
  const coordinator = await app.apiAs(COORDINATOR);
  const { status, body } = await coordinator.get('/persons?limit=1');
  assert.equal(status, 200);
  person = body.items[0];
  assert.ok(person, 'the demo data has persons');
});
after(async () => { await app?.stop(); });

test('a coordinator opening a person gives a reason and then sees the record', { timeout: 90_000 }, async () => {
  const page = await app.newPage();
  await logIn(page, '/', COORDINATOR);
  await waitForText(page, tid('page-title'), 'Personas');
  await page.fill(tid('search-input'), person.full_name);
  await page.press(tid('search-input'), 'Enter');
  const row = page.locator(`${tid('result-row')}[data-person-id="${person.id}"]`);
  await row.waitFor();
  await row.locator(tid('result-link')).click();

  await page.locator(tid('reason-form')).waitFor();
  await waitForText(page, tid('page-title'), 'Motivo para abrir este expediente');
  assert.equal(await page.locator(tid('person-name')).count(), 0, 'nothing of the record before the reason');
  await screenshot(page, 'reason-prompt');

  // Too short is caught here; then the real reason (with accents, sent percent-encoded) opens the record.
  await page.fill(tid('reason-input'), 'ver');
  await page.click(tid('reason-submit'));
  await waitForText(page, tid('reason-input-error'), 'al menos 5');
  await page.fill(tid('reason-input'), REASON);
  await page.click(tid('reason-submit'));
  await waitForText(page, tid('person-name'), person.full_name);
  await waitForText(page, tid('person-access-reason'), REASON);
  await page.locator(tid('household-members')).waitFor();
  await screenshot(page, 'person-after-reason');

  // Back to the search and into the same record: the reason is remembered for this person.
  await page.goBack();
  await page.locator(tid('search-input')).waitFor();
  await page.locator(`${tid('result-row')}[data-person-id="${person.id}"] ${tid('result-link')}`).click();
  await waitForText(page, tid('person-name'), person.full_name);
  assert.equal(await page.locator(tid('reason-form')).count(), 0);

  // …but not longer than the page: after a reload it is asked again.
  await page.reload();
  await page.locator(tid('reason-form')).waitFor();
  assert.deepEqual(page.errors, []);
});

test('the administrator sees those reads with the reason, and the chain verifies', { timeout: 90_000 }, async () => {
  const page = await app.newPage();
  await logIn(page, '/', ADMINISTRATOR);
  // The administrator starts on the audit page and is offered no persons.
  await waitForText(page, tid('page-title'), 'Auditoría');
  const nav = await page.locator('nav [data-testid^="nav-"]').evaluateAll((links) => links.map((link) => link.dataset.testid));
  assert.deepEqual(nav, ['nav-sites', 'nav-beds', 'nav-directory', 'nav-users', 'nav-audit']);

  const chain = page.locator(tid('audit-chain'));
  await page.locator(`${tid('audit-chain')}[data-ok]`).waitFor();
  assert.equal(await chain.getAttribute('data-ok'), 'true');
  assert.match(await page.textContent(tid('audit-chain-result')), /íntegra/);
  await page.locator(`${tid('audit-alerts')} ${tid('loading')}`).waitFor({ state: 'detached' });

  await page.fill(tid('audit-username'), COORDINATOR.username);
  await page.selectOption(tid('audit-action'), 'read');
  await page.click(tid('audit-apply'));
  await page.waitForURL(/usuario=e2e\.coord/);
  // The filtered page replaces the unfiltered one: wait until it has, rather than race it.
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid="audit-row"]')];
    return rows.length > 0 && rows.every((row) => row.dataset.action === 'read');
  });
  const personReads = page.locator(`${tid('audit-row')}[data-record-type="person"][data-record-id="${person.id}"]`);
  await personReads.first().waitFor();
  // Opened twice with the reason (the second time remembered), each a read of the person.
  assert.ok(await personReads.count() >= 2, `two reads of person ${person.id}`);
  for (const reason of await personReads.locator(tid('audit-reason')).allTextContents()) {
    assert.equal(reason.trim(), REASON);
  }
  const householdReads = page.locator(`${tid('audit-row')}[data-record-type="household"][data-record-id="${person.household_id}"]`);
  assert.ok(await householdReads.count() >= 1, 'the household list was read with the reason too');
  assert.equal((await householdReads.first().locator(tid('audit-reason')).textContent())?.trim(), REASON);
  assert.equal(await page.locator(`${tid('audit-row')}:not([data-action="read"])`).count(), 0, 'only reads are listed');
  await screenshot(page, 'audit');

  // Filters live in the address: a reload keeps them.
  await page.reload();
  await personReads.first().waitFor();
  assert.equal(await page.inputValue(tid('audit-username')), COORDINATOR.username);

  // The administrator does not open persons.
  await page.goto(`/#/personas/${person.id}`);
  await page.locator(tid('forbidden')).waitFor();
  assert.deepEqual(page.errors, []);
});

test('the administrator creates a registrar for one site and disables the account', { timeout: 90_000 }, async () => {
  const centre = await firstReceptionCentre(app);
  const username = `registro.${uniqueToken(4)}`;
  const page = await app.newPage();
  await logIn(page, '/#/usuarios', ADMINISTRATOR);
  await page.locator(tid('users-table')).waitFor();
  await waitForText(page, tid('user-row'), COORDINATOR.username);

  await page.fill(tid('user-username'), username);
  await page.fill(tid('user-display_name'), 'Registro de prueba');
  await page.selectOption(tid('user-role'), 'registrar');
  await page.fill(tid('user-password'), 'short');
  // A registrar needs a site: asked here before anything is sent.
  await page.click(tid('user-create'));
  await page.locator(tid('user-sites-error')).waitFor();
  await page.check(tid(`user-site-${centre.id}`));
  await page.click(tid('user-create'));
  // The server's password policy answers on the password field.
  await page.locator(tid('user-password-error')).waitFor();
  await page.fill(tid('user-password'), 'Registro-de-Prueba-8080');
  await page.click(tid('user-create'));
  await waitForText(page, tid('user-created'), username);
  await screenshot(page, 'users');

  const row = page.locator(`${tid('user-row')}[data-username="${username}"]`);
  await row.waitFor();
  assert.equal((await row.locator(tid('user-row-role')).textContent())?.trim(), 'Registro');
  assert.equal((await row.locator(tid('user-row-sites')).textContent())?.trim(), centre.name);
  assert.equal((await row.locator(tid('user-row-status')).textContent())?.trim(), 'Activa');

  page.once('dialog', (dialog) => dialog.accept());
  await row.locator(tid('user-toggle')).click();
  await waitForText(page, `${tid('user-row')}[data-username="${username}"] ${tid('user-row-status')}`, 'Desactivada');
  await row.locator(tid('user-toggle')).click();
  await waitForText(page, `${tid('user-row')}[data-username="${username}"] ${tid('user-row-status')}`, 'Activa');
  assert.deepEqual(page.errors, []);
});
