// Identity decisions on a person's page, as a registrar: two records of one man (the second under his
// nickname) — the first record's page proposes the second with why; staff say "same person" with a reason,
// the decision is listed and can be undone, and the candidate comes back. Then "different people" is
// remembered: the pair is no longer proposed. Fuzzy search finds him misspelt; family tracing finds him
// only because he consented to be found.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { REGISTRAR, firstReceptionCentre, logIn, screenshot, startApp, tid } from './harness.mjs';

let app;
let centre;
let registrar;
let first;
let second;
before(async () => {
  app = await startApp();
  centre = await firstReceptionCentre(app);
  registrar = { ...REGISTRAR, sites: [centre.id] };
  await app.addUser(registrar);
  const client = await app.apiAs(registrar);
  const register = async (given, consentTracing) => {
    const { status, body } = await client.post('/households', {
      site_id: centre.id,
      members: [{ given_names: given, paternal_surname: 'Zamudio', maternal_surname: 'Ocampo', sex: 'M',
        birth_date: '1979-08-21', birth_state: '16', relationship: 'head',
        consents: { services: true, family_tracing: consentTracing } }],
    });
    assert.equal(status, 201, JSON.stringify(body));
    return body.members[0].id;
  };
  first = await register('Ignacio', true);
  second = await register('Nacho', false);
});
after(async () => { await app?.stop(); });

test('decides same person with a reason, undoes it, then remembers different people', { timeout: 120_000 }, async () => {
  const page = await app.newPage({ locale: 'es-MX' });
  await logIn(page, `/#/personas/${first}`, registrar);
  const panel = page.locator(tid('identity-panel'));
  const candidate = panel.locator(`${tid('identity-candidate')}[data-person-id="${second}"]`);
  await candidate.waitFor();
  assert.match(await candidate.textContent(), /Nacho Zamudio Ocampo/);
  assert.match(await candidate.locator('.match__probability').textContent(), /\d+\s?%/);

  // A decision needs a reason: the server says so, next to the field.
  await candidate.locator(tid('identity-same')).click();
  await candidate.locator(tid('identity-save')).click();
  await candidate.locator(tid('identity-reason-error')).waitFor();
  await candidate.locator(tid('identity-reason')).fill('Apodo de Ignacio; misma fecha y lugar de nacimiento');
  await candidate.locator(tid('identity-save')).click();
  const decision = panel.locator(tid('identity-decision')).first();
  await decision.waitFor();
  assert.equal(await decision.getAttribute('data-decision'), 'same');
  await candidate.waitFor({ state: 'detached' });
  await screenshot(page, 'identity-decided');

  await decision.locator(tid('identity-undo')).click();
  await panel.locator(`${tid('identity-decision')}[data-undone="true"]`).waitFor();
  await candidate.waitFor();  // proposed again once undone

  await candidate.locator(tid('identity-different')).click();
  await candidate.locator(tid('identity-reason')).fill('Hermanos gemelos, según su madre');
  await candidate.locator(tid('identity-save')).click();
  await panel.locator(`${tid('identity-decision')}[data-decision="different"]`).waitFor();
  await candidate.waitFor({ state: 'detached' });
  await page.reload();
  await panel.locator(`${tid('identity-decision')}[data-decision="different"]`).waitFor();
  assert.equal(await candidate.count(), 0, 'a split pair is not proposed again');
  assert.deepEqual(page.errors, []);
});

test('fuzzy search finds a misspelt name; tracing shows only who consented', { timeout: 120_000 }, async () => {
  const page = await app.newPage({ locale: 'es-MX' });
  await logIn(page, '/#/personas', registrar);
  await page.fill(tid('search-input'), 'Ignasio Samudio');
  await page.locator(tid('results-empty')).waitFor();
  await page.check(tid('search-fuzzy'));
  await page.locator(tid('results-table')).filter({ hasText: 'Ignacio Zamudio Ocampo' }).waitFor();

  await page.click(tid('nav-tracing'));
  await page.fill(tid('tracing-input'), 'Ignacio Zamudio');
  await page.click(tid('tracing-submit'));
  const results = page.locator(tid('tracing-results'));
  await results.waitFor();
  const names = await results.locator(tid('tracing-row')).allTextContents();
  assert.ok(names.some((name) => name.includes('Ignacio Zamudio Ocampo')), names.join(' | '));
  assert.ok(!names.some((name) => name.includes('Nacho')), 'Nacho did not consent to be found');
  assert.deepEqual(page.errors, []);
});
