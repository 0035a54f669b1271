// Referrals end to end on demo data: a coordinator imports a small Open Referral HSDS directory through the
// page, refers a person to one of its organisations from the person's page; a member of that organisation
// (an account attached to it) logs in, finds the referral in the inbox with the person's name only, and
// accepts it; the coordinator sees it accepted. Bad HSDS is refused naming the JSON path.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { COORDINATOR, firstReceptionCentre, logIn, logOut, screenshot, startApp, tid, uniqueToken } from './harness.mjs';

const MEMBER = { username: 'e2e.clinica', password: 'Clinica-Comunitaria-5512', role: 'analyst', displayName: 'Clínica E2E' };

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

test('refer a person to an imported organisation, which accepts it', { timeout: 150_000 }, async () => {
  const name = `Clínica Comunitaria ${uniqueToken().toUpperCase()}`;
  const directory = [{ name, description: 'Consulta general', services: [{ name: 'medical_care' }, { name: 'psychological_care' }],
    locations: [{ physical_addresses: [{ city: 'Tijuana', state_province: '02' }] }], phones: [{ number: '+52 664 000 0000' }],
    x_accepts_referrals: true }];
  const page = await app.newPage({ locale: 'es-MX' });
  page.on('dialog', (dialog) => dialog.accept());
  await logIn(page, '/#/directorio', COORDINATOR);
  await page.locator(tid('directory-page')).waitFor();

  await page.fill(tid('directory-import-text'), JSON.stringify([{ name: 'Sin servicios', phones: 'no' }]));
  await page.click(tid('directory-import-submit'));
  await page.locator(tid('directory-import-error')).filter({ hasText: '[0].phones' }).waitFor();
  await page.fill(tid('directory-import-text'), JSON.stringify(directory));
  await page.click(tid('directory-import-submit'));
  await page.locator(tid('directory-imported')).waitFor();
  const row = page.locator(tid('directory-row')).filter({ hasText: name });
  await row.waitFor();
  const organisationId = Number(await row.getAttribute('data-organisation-id'));

  // The clinic's account, attached to it.
  await app.addUser(MEMBER);
  const coordinator = await app.apiAs(COORDINATOR);
  const added = await coordinator.post(`/organisations/${organisationId}/members`, { username: MEMBER.username });
  assert.equal(added.status, 201, JSON.stringify(added.body));

  // Refer a person registered at a reception centre.
  const centre = await firstReceptionCentre(app);
  const registered = await coordinator.post('/households', {
    site_id: centre.id, members: [{ given_names: 'Herminia', paternal_surname: 'Quiroz', sex: 'F', relationship: 'head',
      consents: { services: true } }],
  });
  assert.equal(registered.status, 201);
  const personId = registered.body.members[0].id;
  await page.goto(`/#/personas/${personId}`);
  await page.fill(tid('reason-input'), 'Canalización a la clínica');
  await page.click(tid('reason-submit'));
  const panel = page.locator(tid('referrals-panel'));
  await panel.locator(tid('referral-form')).waitFor();
  await panel.locator(tid('referral-organisation')).selectOption(String(organisationId));
  await panel.locator(tid('referral-service')).selectOption('psychological_care');
  await panel.locator(tid('referral-send')).click();
  await panel.locator(`${tid('referral')}[data-status="sent"]`).filter({ hasText: name }).waitFor();
  await logOut(page);

  // The clinic accepts it from its inbox.
  await logIn(page, '/#/referencias', MEMBER);
  const incoming = page.locator(tid('inbox-referral')).filter({ hasText: 'Herminia Quiroz' });
  await incoming.waitFor();
  await incoming.locator(tid('inbox-move')).selectOption('accepted');
  await page.locator(`${tid('inbox-referral')}[data-status="accepted"]`).filter({ hasText: 'Herminia Quiroz' }).waitFor();
  await screenshot(page, 'referrals-inbox');
  await logOut(page);

  const after = await coordinator.get(`/persons/${personId}/referrals`, { 'X-Access-Reason': 'comprobar%20la%20prueba' });
  assert.equal(after.status, 200);
  assert.equal(after.body.items[0].status, 'accepted');
  assert.deepEqual(page.errors, []);
});
