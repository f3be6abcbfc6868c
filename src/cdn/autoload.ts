/**
 * The CDN autoloader script (`dist/cdn/autoload.js`): starts `autoload()` on the document, so a
 * page defines only the elements it uses. Unlike the library's modules, loading this script is
 * meant to act: it is what a `<script type="module">` tag asks for.
 */
import { autoload } from '../autoload.js';

if (typeof document !== 'undefined') autoload();
