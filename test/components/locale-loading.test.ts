import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocalizeController, loadLocale } from '../../src/controllers/localize.js';
import { waitFor } from '../helpers/live.js';

// Each test file runs in a page of its own, so no language but English is loaded when this starts
// (this file imports no locale itself).

class LocaleProbe extends LitElement {
  readonly t = new LocalizeController(this);
  override render() {
    return this.t.term('leave');
  }
}
customElements.define('locale-probe', LocaleProbe);

const network = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /\/locales\/(de|fr|es|ja|ar)\.[jt]s/.test(name));

describe('languages loaded on demand', () => {
  it('loads nothing but English until a page uses another language', async () => {
    const probe = await fixture<LocaleProbe>(html`<locale-probe lang="en"></locale-probe>`);
    expect(probe.shadowRoot!.textContent).to.equal('Leave');
    expect(network(), 'no other language fetched').to.deep.equal([]);
  });

  it('fetches a language the first time an element meets it and updates by itself', async () => {
    const probe = await fixture<LocaleProbe>(html`<locale-probe lang="es-MX"></locale-probe>`);
    await waitFor(() => probe.shadowRoot!.textContent !== 'Leave', 'Spanish arrives');
    const { es } = await import('../../src/locales/es.js');
    expect(probe.shadowRoot!.textContent).to.equal(es.leave);
    expect(network().filter((name) => name.includes('/locales/es.'))).to.have.length(1);
    // Loaded once: asking again resolves without another fetch.
    await loadLocale('es');
    expect(network()).to.have.length(1);
  });

  it('lays a right-to-left language out right to left before its strings arrive', async () => {
    const probe = await fixture<LocaleProbe>(html`<locale-probe lang="ar"></locale-probe>`);
    // Read right after the first render, before the Arabic chunk has come back from the server.
    expect(probe.shadowRoot!.textContent, 'Arabic not loaded yet').to.equal('Leave');
    expect(probe.t.dir).to.equal('rtl');
    await loadLocale('ar');
    await probe.updateComplete;
    expect(probe.t.dir).to.equal('rtl');
    expect(probe.shadowRoot!.textContent).not.to.equal('Leave');
  });

  it('keeps an unknown language in English, left to right, without fetching anything', async () => {
    const before = network().length;
    const probe = await fixture<LocaleProbe>(html`<locale-probe lang="xx-YY"></locale-probe>`);
    await loadLocale('xx-YY');
    expect(probe.shadowRoot!.textContent).to.equal('Leave');
    expect(probe.t.dir).to.equal('ltr');
    expect(network().length).to.equal(before);
  });
});
