// `npm run bench`: one figure per line, `bench <name> <value> <unit>`. Each module measures one
// area; run them in sequence so they do not disturb each other's timings.
import { benchSaml } from './saml.js';
import { benchStartup } from './startup.js';
import { benchWidgetSize } from './widget-size.js';

benchWidgetSize();
await benchStartup();
await benchSaml();
