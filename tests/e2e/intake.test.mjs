// Registro end to end: a family registered on the tablet form is found again by an accent-less partial
// name, and a server-side validation error lands on the right member's field without losing anything typed.
// Both as a registrar of one reception centre, so the profile opens without a reason prompt.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  REGISTRAR, firstReceptionCentre, logIn, screenshot, startApp, tid, uniqueToken, waitForText,
} from './harness.mjs';

let app;
let centre;
let registrar;
before(async () => {
  app = await startApp();
  centre = await firstReceptionCentre(app);
  registrar = { ...REGISTRAR, sites: [centre.id] };
  await app.addUser(registrar);
});
after(async () => { await app?.stop(); });

async function fillMember(page, index, member) {
  const field = (name) => tid(`member-${index}-${name}`);
  await page.fill(field('given_names'), member.given_names);
  await page.fill(field('paternal_surname'), member.paternal_surname);
  await page.fill(field('maternal_surname'), member.maternal_surname);
  await page.check(tid(`member-${index}-sex-${member.sex}`));
  await page.fill(field('birth_date'), member.birth_date);
  await page.selectOption(field('birth_state'), member.birth_state);
  for (const language of member.extra_languages ?? []) await page.check(tid(`member-${index}-lang-${language}`));
  if (index > 0) await page.selectOption(field('relationship'), member.relationship);
  // Consent is asked, never preset: the tests tick it as a registrar would after asking.
  if (member.consent !== false) await page.check(field('consent-services'));
  if (member.tracing) await page.check(field('consent-tracing'));
  if (member.notes) await page.fill(field('notes'), member.notes);
  if (member.share_with) await page.fill(field('share_with'), member.share_with);
}

test('registers a family of three and finds them again by an accent-less partial name', { timeout: 90_000 }, async () => {
  // The browser asks for English; the app still opens in Spanish.
  const page = await app.newPage({ locale: 'en-US' });
  await logIn(page, '/', registrar);
  await waitForText(page, tid('page-title'), 'Personas');
  assert.equal(await page.getAttribute('html', 'lang'), 'es');
  assert.equal((await page.textContent(tid('nav-intake')))?.trim(), 'Registro');

  await page.click(tid('nav-intake'));
  await waitForText(page, tid('page-title'), 'Registro de llegada');
  const batch = `Autobús ${uniqueToken(3).toUpperCase()}`;
  await page.selectOption(tid('intake-site'), String(centre.id));
  await page.check(tid('intake-mode-bus'));
  await page.fill(tid('intake-batch_id'), batch);

  await fillMember(page, 0, {
    given_names: 'Guadalupe Itzel', paternal_surname: 'Hernández', maternal_surname: 'Tzompaxtle', sex: 'F',
    birth_date: '1987', birth_state: '21', extra_languages: ['nah'], tracing: true,
    notes: 'Necesita su medicamento para la presión.', share_with: 'Casa del Migrante, Sin Fronteras IAP',
  });
  // CURP is upper-cased as it is typed; this one is then cleared (nobody in the family knows theirs).
  await page.locator(tid('member-0-curp')).pressSequentially('hetg870');
  assert.equal(await page.inputValue(tid('member-0-curp')), 'HETG870');
  await page.fill(tid('member-0-curp'), '');

  await page.click(tid('member-add'));
  await fillMember(page, 1, {
    given_names: 'Ramón', paternal_surname: 'Cuautle', maternal_surname: 'Olvera', sex: 'M',
    birth_date: '1984-05-02', birth_state: '21', relationship: 'spouse',
  });
  await page.click(tid('member-add'));
  await fillMember(page, 2, {
    given_names: 'Ximena', paternal_surname: 'Cuautle', maternal_surname: 'Hernández', sex: 'unknown',
    birth_date: '2016-09', birth_state: '02', relationship: 'child',
  });
  await screenshot(page, 'intake-filled');

  await page.click(tid('intake-submit'));
  await page.locator(tid('intake-success')).waitFor();
  const registered = await page.locator(tid('registered-person')).allTextContents();
  assert.deepEqual(registered.map((name) => name.trim()), [
    'Guadalupe Itzel Hernández Tzompaxtle', 'Ramón Cuautle Olvera', 'Ximena Cuautle Hernández',
  ]);
  await screenshot(page, 'intake-registered');

  // "Register another household" keeps the arrival and empties the household.
  await page.click(tid('intake-another'));
  await page.locator(tid('intake-form')).waitFor();
  assert.equal(await page.inputValue(tid('intake-site')), String(centre.id));
  assert.equal(await page.isChecked(tid('intake-mode-bus')), true);
  assert.equal(await page.inputValue(tid('intake-batch_id')), batch);
  assert.equal(await page.inputValue(tid('member-0-given_names')), '');
  assert.equal(await page.locator(tid('member-1')).count(), 0);

  // Search without accents, by parts of two names.
  await page.click(tid('nav-persons'));
  await waitForText(page, tid('page-title'), 'Personas');
  await page.fill(tid('search-input'), 'hernan tzomp');
  await page.press(tid('search-input'), 'Enter');
  const row = await waitForText(page, tid('result-row'), 'Guadalupe Itzel Hernández Tzompaxtle');
  assert.match(await row.textContent(), /1987/);
  await screenshot(page, 'persons-search');

  await row.locator(tid('result-link')).click();
  await waitForText(page, tid('person-name'), 'Guadalupe Itzel Hernández Tzompaxtle');
  assert.equal((await page.textContent(tid('person-birth_date')))?.trim(), '1987');
  assert.equal((await page.textContent(tid('person-languages')))?.trim(), 'Español, Náhuatl');
  assert.equal((await page.textContent(tid('person-relationship')))?.trim(), 'Jefa o jefe del hogar');
  assert.equal((await page.textContent(tid('person-notes')))?.trim(), 'Necesita su medicamento para la presión.');
  const members = page.locator(tid('household-member'));
  await waitForText(page, tid('household-member'), 'Ximena Cuautle Hernández');
  assert.equal(await members.count(), 3);
  const household = (await members.allTextContents()).join(' | ');
  assert.match(household, /Ramón Cuautle Olvera/);
  assert.match(household, /Cónyuge o pareja/);
  const arrival = await waitForText(page, tid('arrival-row'), batch);
  const arrivalText = await arrival.textContent();
  assert.ok(arrivalText.includes(centre.name), `arrival names the site: ${arrivalText}`);
  assert.ok(arrivalText.includes('Autobús'), `arrival shows the mode: ${arrivalText}`);
  await screenshot(page, 'person-profile');

  // Consents given at intake are shown, and family tracing can be withdrawn (and it stays so).
  assert.equal((await page.textContent(tid('consent-services-state')))?.trim(), 'otorgado');
  assert.equal((await page.textContent(tid('consent-family_tracing-state')))?.trim(), 'otorgado');
  assert.match(await page.textContent(tid('consents-card')), /Casa del Migrante, Sin Fronteras IAP/);
  await page.click(tid('consent-family_tracing-toggle'));
  await waitForText(page, tid('consent-family_tracing-state'), 'no otorgado');
  await page.reload();
  await waitForText(page, tid('consent-family_tracing-state'), 'no otorgado');

  // The household links lead to the other members' profiles.
  await page.locator(tid('household-member')).filter({ hasText: 'Ximena' }).locator('a').click();
  await waitForText(page, tid('person-name'), 'Ximena Cuautle Hernández');
  assert.equal((await page.textContent(tid('person-birth_date')))?.trim(), '2016-09');
  assert.equal((await page.textContent(tid('person-sex')))?.trim(), 'Sin dato');  // sent as "" to the API
  assert.deepEqual(page.errors, []);
});

test('shows an impossible birth date next to that member and keeps everything typed', { timeout: 90_000 }, async () => {
  const page = await app.newPage();
  await logIn(page, '/#/registro', registrar);
  await page.locator(tid('intake-form')).waitFor();
  await page.selectOption(tid('intake-site'), String(centre.id));
  await page.check(tid('intake-mode-land_port'));
  await fillMember(page, 0, {
    given_names: 'Rodolfo', paternal_surname: 'Ramírez', maternal_surname: 'Xicoténcatl', sex: 'M',
    birth_date: '1962-07-04', birth_state: '29',
  });
  await page.click(tid('member-add'));
  await fillMember(page, 1, {
    given_names: 'Herminia', paternal_surname: 'Ramírez', maternal_surname: 'Cuatecontzi', sex: 'F',
    birth_date: '1990-02-30', birth_state: '29', relationship: 'child', consent: false,
  });
  await page.click(tid('intake-submit'));

  const message = page.locator(tid('member-1-birth_date-error'));
  await message.waitFor();
  assert.ok((await message.textContent()).trim().length > 0, 'the server message is shown');
  assert.equal(await page.getAttribute(tid('member-1-birth_date'), 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute(tid('member-0-birth_date'), 'aria-invalid'), null);
  await page.locator(tid('intake-error')).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'member-1-birth_date');
  // Nothing typed is lost.
  assert.equal(await page.inputValue(tid('intake-site')), String(centre.id));
  assert.equal(await page.isChecked(tid('intake-mode-land_port')), true);
  assert.equal(await page.inputValue(tid('member-0-given_names')), 'Rodolfo');
  assert.equal(await page.inputValue(tid('member-0-maternal_surname')), 'Xicoténcatl');
  assert.equal(await page.inputValue(tid('member-0-birth_date')), '1962-07-04');
  assert.equal(await page.inputValue(tid('member-1-given_names')), 'Herminia');
  assert.equal(await page.inputValue(tid('member-1-birth_date')), '1990-02-30');
  assert.equal(await page.inputValue(tid('member-1-relationship')), 'child');
  assert.equal(await page.isChecked(tid('member-1-sex-F')), true);
  await screenshot(page, 'intake-validation-error');

  // Fixing the date clears the message; without Herminia's consent to services the household
  // is still refused, next to her consent, and nothing is written.
  await page.fill(tid('member-1-birth_date'), '1990-02-28');
  assert.equal(await message.count(), 0);
  assert.equal(await page.isChecked(tid('member-1-consent-services')), false, 'consent is never preset');
  await page.click(tid('intake-submit'));
  await page.locator(tid('member-1-consent-services-error')).waitFor();
  assert.equal(await page.getAttribute(tid('member-1-consent-services'), 'aria-invalid'), 'true');
  await screenshot(page, 'intake-consent-missing');
  await page.check(tid('member-1-consent-services'));
  await page.click(tid('intake-submit'));
  await page.locator(tid('intake-success')).waitFor();
  const registered = await page.locator(tid('registered-person')).allTextContents();
  assert.deepEqual(registered.map((name) => name.trim()), ['Rodolfo Ramírez Xicoténcatl', 'Herminia Ramírez Cuatecontzi']);
  await screenshot(page, 'intake-fixed');
  assert.deepEqual(page.errors, []);
});
