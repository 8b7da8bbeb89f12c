// `npm run bench`: one figure per line, `bench <name> <value> <unit>`. Each module measures one
// area; run them in sequence so they do not disturb each other's timings.
import { benchBrokerFilter } from './broker-filter.js';
import { benchBrokerKeystroke } from './broker-keystroke.js';
import { benchLoginAndSession } from './login-and-session.js';
import { benchSaml } from './saml.js';
import { benchStartup } from './startup.js';
import { benchWidgetSize } from './widget-size.js';

benchWidgetSize();
benchBrokerFilter();
await benchBrokerKeystroke();
await benchStartup();
await benchLoginAndSession();
await benchSaml();
