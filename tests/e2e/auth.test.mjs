// Sessions end to end: a registrar of one reception centre sees only that site at intake, registers a
// household, finds it, logs out, and then gets the login page instead of the persons page; a wrong
// password gets the generic message and no session; an expired session returns to the same page after
// logging in again; an account without access to persons (analyst) is
// offered only Sitios, and changes its own password under "Mi cuenta".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  COORDINATOR, REGISTRAR, firstReceptionCentre, logIn, logOut, screenshot, startApp, tid, uniqueToken, waitForText,
} from './harness.mjs';

const ANALYST = {
  username: 'e2e.analisis', password: 'Cifras-Agregadas-5150', role: 'analyst', displayName: 'Análisis E2E',
};

let app;
let centre;
let registrar;
before(async () => {
  app = await startApp({ accounts: [COORDINATOR, ANALYST] });
  centre = await firstReceptionCentre(app);
  registrar = { ...REGISTRAR, sites: [centre.id] };
  await app.addUser(registrar);
});
after(async () => { await app?.stop(); });

async function navLabels(page) {
  return (await page.locator('nav [data-testid^="nav-"]').evaluateAll((links) => links.map((link) => link.dataset.testid)));
}

test('a registrar sees only their site, registers and finds a household, and logs out', { timeout: 90_000 }, async () => {
  const page = await app.newPage();
  await page.goto('/#/personas');
  await waitForText(page, tid('page-title'), 'Iniciar sesión');
  assert.equal(await page.locator(tid('nav-persons')).count(), 0, 'no navigation before logging in');
  await screenshot(page, 'login');
  await logIn(page, '/#/personas', registrar);
  await waitForText(page, tid('page-title'), 'Personas');
  assert.deepEqual(await navLabels(page),
    ['nav-persons', 'nav-intake', 'nav-tracing', 'nav-sites', 'nav-beds', 'nav-directory', 'nav-placement', 'nav-legal']);
  assert.equal((await page.textContent(tid('account-name')))?.trim(), 'Registro E2E');
  assert.equal((await page.textContent(tid('account-role')))?.trim(), 'Registro');

  await page.click(tid('nav-intake'));
  await page.locator(tid('intake-form')).waitFor();
  const options = await page.locator(`${tid('intake-site')} option`).evaluateAll(
    (elements) => elements.map((option) => ({ value: option.value, text: option.textContent })),
  );
  const real = options.filter((option) => option.value !== '');
  assert.equal(real.length, 1, `only the registrar's site is offered: ${JSON.stringify(options)}`);
  assert.equal(real[0].value, String(centre.id));
  assert.equal(await page.inputValue(tid('intake-site')), String(centre.id), 'the only site is preselected');

  const surname = `Quetzal${uniqueToken()}`;
  await page.check(tid('intake-mode-land_port'));
  await page.fill(tid('member-0-given_names'), 'Marisol');
  await page.fill(tid('member-0-paternal_surname'), surname);
  await page.fill(tid('member-0-maternal_surname'), 'Ávila');
  await page.check(tid('member-0-sex-F'));
  await page.fill(tid('member-0-birth_date'), '1979-03');
  await page.selectOption(tid('member-0-birth_state'), '12');
  await page.check(tid('member-0-consent-services'));
  await screenshot(page, 'registrar-intake');
  await page.click(tid('intake-submit'));
  await page.locator(tid('intake-success')).waitFor();

  await page.click(tid('nav-persons'));
  await page.fill(tid('search-input'), surname.toLowerCase());
  await page.press(tid('search-input'), 'Enter');
  const row = await waitForText(page, tid('result-row'), `Marisol ${surname} Ávila`);
  await row.locator(tid('result-link')).click();
  await waitForText(page, tid('person-name'), `Marisol ${surname} Ávila`);
  assert.equal(await page.locator(tid('reason-form')).count(), 0, 'a registrar at the site is not asked for a reason');

  await logOut(page);
  await page.locator(tid('login-logged-out')).waitFor();
  assert.equal(await page.locator(tid('person-name')).count(), 0, 'nothing of the person stays on screen');
  assert.equal(new URL(page.url()).hash, '#/', 'logging out leaves the person’s address');
  const session = await page.request.get('/api/v1/auth/session');
  assert.equal(session.status(), 401);

  await page.goto('/#/personas');
  await page.reload();
  await page.locator(tid('login-form')).waitFor();
  await waitForText(page, tid('page-title'), 'Iniciar sesión');
  assert.equal(await page.locator(tid('search-input')).count(), 0);
  await screenshot(page, 'logged-out');
  assert.deepEqual(page.errors, []);
});

test('a wrong password gets the generic message and no session', { timeout: 60_000 }, async () => {
  const page = await app.newPage();
  await page.goto('/#/sitios');
  await page.locator(tid('login-form')).waitFor();
  await page.fill(tid('login-username'), COORDINATOR.username);
  await page.fill(tid('login-password'), 'not-the-password-at-all');
  await page.click(tid('login-submit'));
  const message = await waitForText(page, tid('login-error'), 'El usuario o la contraseña no son correctos.');
  assert.ok(await message.isVisible());
  assert.equal(await page.inputValue(tid('login-password')), '', 'the wrong password is cleared');
  assert.equal(await page.inputValue(tid('login-username')), COORDINATOR.username);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'login-password');
  await screenshot(page, 'login-failed');

  // An unknown user gets the very same words.
  await page.fill(tid('login-username'), 'nadie.existe');
  await page.fill(tid('login-password'), 'otra-clave-cualquiera');
  await page.click(tid('login-submit'));
  await page.locator(tid('login-submit')).and(page.locator(':enabled')).waitFor();
  assert.equal((await page.textContent(tid('login-error')))?.trim(), 'El usuario o la contraseña no son correctos.');

  const cookies = await page.context().cookies();
  assert.equal(cookies.filter((cookie) => cookie.name === 'acogida_session').length, 0, 'no session cookie');
  assert.equal((await page.request.get('/api/v1/auth/session')).status(), 401);
  assert.equal(await page.locator(tid('account-menu')).count(), 0);
  assert.deepEqual(page.errors, []);
});

test('an expired session shows the login page and returns to the same page after logging in', { timeout: 60_000 }, async () => {
  const page = await app.newPage();
  await logIn(page, '/#/sitios', COORDINATOR);
  const link = page.locator(tid('site-link')).first();
  await link.waitFor();
  const name = (await link.textContent()).trim();
  // As if the session had expired on the server: the browser no longer has it.
  await page.context().clearCookies();
  await link.click();
  await page.locator(tid('login-expired')).waitFor();
  const hash = new URL(page.url()).hash;
  assert.match(hash, /^#\/sitios\/\d+$/, 'the address of the page the user went to stays');
  assert.equal(await page.locator(tid('account-menu')).count(), 0);
  await screenshot(page, 'login-expired');

  await page.fill(tid('login-username'), COORDINATOR.username);
  await page.fill(tid('login-password'), COORDINATOR.password);
  await page.click(tid('login-submit'));
  await waitForText(page, tid('site-title'), name);
  assert.equal(new URL(page.url()).hash, hash);
  assert.deepEqual(page.errors, []);
});

test('an analyst is offered counts only and changes their own password', { timeout: 60_000 }, async () => {
  const page = await app.newPage();
  await logIn(page, '/', ANALYST);
  // Analysts start on the dashboard, where small counts are hidden from them.
  await waitForText(page, tid('page-title'), 'Tablero de la red');
  await page.locator(tid('dashboard-suppressed')).waitFor();
  assert.deepEqual(await navLabels(page), ['nav-dashboard', 'nav-sites', 'nav-beds', 'nav-directory', 'nav-simulation']);
  await page.click(tid('nav-sites'));
  await waitForText(page, tid('page-title'), 'Sitios');
  assert.equal(await page.locator(tid('site-new')).count(), 0, 'an analyst does not create sites');
  await page.goto('/#/personas');
  await page.locator(tid('forbidden')).waitFor();
  await page.goto('/#/auditoria');
  await page.locator(tid('forbidden')).waitFor();

  await page.click(tid('account-menu'));
  await page.locator(tid('account-panel')).waitFor();
  await screenshot(page, 'account-menu');
  await page.click(tid('account-open'));
  await page.locator(tid('account-page')).waitFor();
  assert.equal((await page.textContent(tid('account-username')))?.trim(), ANALYST.username);

  // The repeat must match; then the server's policy answers on the new password.
  await page.fill(tid('password-current'), ANALYST.password);
  await page.fill(tid('password-next'), 'xx-e2e.analisis-xx');
  await page.fill(tid('password-confirm'), 'something else');
  await page.click(tid('password-submit'));
  await waitForText(page, tid('password-confirm-error'), 'no coinciden');
  await page.fill(tid('password-confirm'), 'xx-e2e.analisis-xx');
  await page.click(tid('password-submit'));
  const policy = page.locator(tid('password-next-error'));
  await policy.waitFor();
  assert.ok((await policy.textContent()).trim().length > 0);

  // A wrong current password is shown on that field, and the session survives it.
  const next = 'Tablas-de-Frecuencia-2468';
  await page.fill(tid('password-current'), 'not-my-password-123');
  await page.fill(tid('password-next'), next);
  await page.fill(tid('password-confirm'), next);
  await page.click(tid('password-submit'));
  await waitForText(page, tid('password-current-error'), 'La contraseña actual no es correcta.');
  assert.equal(await page.locator(tid('account-page')).count(), 1);

  await page.fill(tid('password-current'), ANALYST.password);
  await page.click(tid('password-submit'));
  await page.locator(tid('password-changed')).waitFor();
  await screenshot(page, 'account-password-changed');

  await page.click(tid('account-logout'));
  await page.locator(tid('login-form')).waitFor();
  await logIn(page, '/#/cuenta', { ...ANALYST, password: next });
  await page.locator(tid('account-page')).waitFor();
  assert.deepEqual(page.errors, []);
});
