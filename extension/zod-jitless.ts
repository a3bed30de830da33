/**
 * Import this first in every extension page and in the background. zod decides when a schema is
 * built whether to compile fast parsers with `new Function`; the extension's CSP forbids eval, and
 * Chromium reports the probe as a CSP violation even though zod catches the error. Jitless zod
 * never probes.
 */
import * as z from 'zod';

z.config({ jitless: true });
