import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

// Controls and docs come from the elements' JSDoc, through the generated manifest.
setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: { layout: 'padded' },
};

export default preview;
