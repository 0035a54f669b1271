// Legal aid in the browser, as a coordinator: screen a person on their page (children left in the US,
// custody), open the proposed custody case, assign it to a lawyer from the suggestions, add a deadline and
// see it on the overdue list once its date has passed. The server has no test clock, so "after the date
// passes" is a deadline entered with a date two days ago (past in every border time zone): the case page
// shows it overdue and the coordinators' list has it. Then in English, and with no page errors.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  COORDINATOR, firstReceptionCentre, logIn, screenshot, startApp, tid, uniqueToken, waitForText,
} from './harness.mjs';

let app;
let personId;
let lawyerName;
const surname = `Reyes${uniqueToken()}`;

before(async () => {
  app = await startApp();
  const centre = await firstReceptionCentre(app);
  const coordinator = await app.apiAs(COORDINATOR);
  lawyerName = `Lic. Ana Ruiz ${uniqueToken()}`;
  const lawyer = await coordinator.post('/lawyers', {
    name: lawyerName, organisation: 'Clínica Jurídica', kind: 'ngo', specialties: ['custody'], languages: ['spa'],
    capacity: 400,
  });
  assert.equal(lawyer.status, 201, JSON.stringify(lawyer.body));
  const household = await coordinator.post('/households', {
    site_id: centre.id,
    members: [{ given_names: 'Guadalupe', paternal_surname: surname, relationship: 'head', languages: ['spa'],
      consents: { services: true } }],
  });
  assert.equal(household.status, 201, JSON.stringify(household.body));
  personId = household.body.members[0].id;
});
after(async () => { await app?.stop(); });

function daysFromNow(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test('screen, open a custody case, assign it, and see its passed deadline on the overdue list', { timeout: 120_000 }, async () => {
  const page = await app.newPage();
  await logIn(page, `/#/personas/${personId}`, COORDINATOR);
  // Coordinators say why they open a record.
  await page.locator(tid('reason-form')).waitFor();
  await page.fill(tid('reason-input'), 'Asesoría jurídica tras la deportación');
  await page.click(tid('reason-submit'));
  await page.locator(tid('person-page')).waitFor();

  // The screening: two "yes", the rest "no", and WhatsApp with consent.
  const panel = page.locator(tid('legal-screening'));
  await page.locator(tid('legal-screening-form')).waitFor();
  assert.match(await panel.textContent(), /Necesidades jurídicas/);
  assert.match(await panel.textContent(), /Aún no se ha hecho el cuestionario/);
  for (const item of ['custody', 'wages_property', 'immigration_case', 'prior_removals', 'fear_of_return',
    'lost_documents', 'victim', 'consular_help']) {
    await page.check(tid(`screening-${item}-no`));
  }
  await page.check(tid('screening-children_in_us-yes'));
  await page.check(tid('screening-custody-yes'));
  await page.selectOption(tid('legal-contact-channel'), 'whatsapp');
  await page.fill(tid('legal-contact-value'), '+52 664 123 4567');
  await page.check(tid('legal-contact-consent'));
  await page.click(tid('legal-screening-save'));
  await page.locator(tid('legal-screening-saved')).waitFor();

  // Each "yes" proposes a case; open the custody one from "children left in the US".
  await page.click(tid('screening-children_in_us-open'));
  const caseLink = page.locator(tid('screening-children_in_us-case'));
  await caseLink.waitFor();
  assert.match(await caseLink.textContent(), /Caso abierto: Nuevo/);
  // The custody question proposes the same case type: it now links to the same case.
  assert.equal(await page.locator(tid('screening-custody-case')).getAttribute('href'), await caseLink.getAttribute('href'));
  await screenshot(page, 'legal-screening');
  await caseLink.click();

  // The case: new, unassigned; assign it to the suggested lawyer.
  await page.locator(tid('legal-case-page')).waitFor();
  assert.match(await page.locator(tid('legal-case-title')).textContent(), /Custodia y familia/);
  assert.equal((await page.locator(tid('legal-case-status')).textContent()).trim(), 'Nuevo');
  assert.match(await page.locator(tid('legal-case-person')).textContent(), new RegExp(`Guadalupe ${surname}`));
  const option = page.locator(`${tid('legal-assign-lawyer')} option`).filter({ hasText: lawyerName });
  await page.selectOption(tid('legal-assign-lawyer'), await option.getAttribute('value'));
  await page.click(tid('legal-assign-submit'));
  await waitForText(page, tid('legal-case-status'), 'Asignado');
  assert.equal((await page.locator(tid('legal-case-lawyer')).textContent()).trim(), lawyerName);

  // A deadline next week is only a reminder; one whose date passed two days ago is overdue.
  await page.fill(tid('legal-deadline-title'), 'Entregar pruebas');
  await page.fill(tid('legal-deadline-due'), daysFromNow(5));
  await page.click(tid('legal-deadline-add'));
  await waitForText(page, tid('legal-deadline'), 'Entregar pruebas');
  await page.fill(tid('legal-deadline-title'), 'Audiencia de custodia');
  await page.fill(tid('legal-deadline-due'), daysFromNow(-2));
  await page.click(tid('legal-deadline-add'));
  const hearing = await waitForText(page, tid('legal-deadline'), 'Audiencia de custodia');
  assert.equal(await hearing.getAttribute('data-reminder'), 'overdue');
  assert.match(await hearing.textContent(), /Vencido/);
  const evidence = page.locator(tid('legal-deadline')).filter({ hasText: 'Entregar pruebas' });
  assert.equal(await evidence.getAttribute('data-reminder'), 'due_in_7_days');
  await screenshot(page, 'legal-case');

  // An appointment in three days appears on the case and on the lawyers' agenda.
  const caseUrl = page.url();
  const start = `${daysFromNow(3)}T10:30`;
  await page.fill(tid('appointment-start'), start);
  await page.click(tid('appointment-add'));
  await page.locator(tid('legal-appointment')).first().waitFor();
  await page.click(tid('nav-legal'));
  await page.click(tid('legal-agenda-link'));
  const caseId = caseUrl.match(/casos\/(\d+)/)[1];
  await page.locator(tid('agenda-row')).filter({ hasText: `#${caseId}` }).first().waitFor();
  await page.goto(caseUrl);
  await page.locator(tid('legal-case-page')).waitFor();

  // The coordinators' overdue list has the hearing, not next week's deadline.
  await page.click(tid('nav-legalOverdue'));
  await page.locator(tid('legal-overdue-page')).waitFor();
  const overdue = await waitForText(page, tid('legal-overdue-item'), 'Audiencia de custodia');
  assert.match(await overdue.textContent(), new RegExp(`Guadalupe ${surname}`));
  assert.match(await overdue.textContent(), new RegExp(lawyerName));
  assert.equal(await page.locator(tid('legal-overdue-item')).filter({ hasText: 'Entregar pruebas' }).count(), 0);
  await waitForText(page, tid('legal-due-soon-item'), 'Entregar pruebas');
  await screenshot(page, 'legal-overdue');

  // In English too.
  await page.click(tid('lang-en'));
  await waitForText(page, tid('page-title'), 'Overdue deadlines');
  assert.match(await page.locator(tid('legal-overdue')).textContent(), /Was due/);

  // The case list links back to the case.
  await page.click(tid('nav-legal'));
  await page.locator(tid('legal-cases-page')).waitFor();
  await waitForText(page, tid('legal-case-row'), `Guadalupe ${surname}`);
  assert.deepEqual(page.errors, []);
});
