/**
 * The one script of a certificate page: its custom elements and the expiry re-check, bundled
 * together so that every page links one file rather than one per component.
 */
import './copy-link.ts';
import './post-text.ts';
import './downloads/element.ts';
import './status-note.ts';
import './wallet.ts';
import '../../verifier/element.ts';
