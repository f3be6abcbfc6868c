import { expect } from '@open-wc/testing';
import { loaders } from '../../src/autoload.js';

describe('the autoloader', () => {
  it('knows every element of custom-elements.json, and each loader defines its tag', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: Array<{ declarations?: Array<{ tagName?: string }> }>;
    };
    const tags = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .map((d) => d.tagName)
      .filter((t): t is string => !!t)
      .sort();
    expect(Object.keys(loaders).sort()).to.deep.equal(tags);
    for (const tag of tags) {
      await loaders[tag]!();
      expect(customElements.get(tag), tag).to.not.equal(undefined);
    }
  });
});
