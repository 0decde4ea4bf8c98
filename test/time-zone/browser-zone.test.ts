import { expect } from '@open-wc/testing';

// Runs only in the group whose browser has TZ=America/New_York (web-test-runner.config.mjs), so the calendar tests
// that run beside it really run in a browser far from Berlin.
describe('the browser of this test group', () => {
  it('has its own time zone set to New York', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal('America/New_York');
    expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).to.equal(240);
  });
});
