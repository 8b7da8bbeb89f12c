// `npm run bench`: one figure per line, `bench <name> <value> <unit>`. Each module measures one
// area; run them in sequence so they do not disturb each other's timings.
// `npm run bench -- saml login` runs only the named areas.
import { benchBrokerFilter } from './broker-filter.js';
import { benchBrokerKeystroke } from './broker-keystroke.js';
import { benchLoginAndSession } from './login-and-session.js';
import { benchRestart } from './restart.js';
import { benchSaml } from './saml.js';
import { benchStartup } from './startup.js';
import { benchWidgetSize } from './widget-size.js';

const areas: Record<string, () => unknown> = {
  widget: benchWidgetSize,
  broker: async () => {
    benchBrokerFilter();
    await benchBrokerKeystroke();
  },
  start: benchStartup,
  login: benchLoginAndSession,
  saml: benchSaml,
  restart: benchRestart,
};

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in areas));
if (unknown.length) {
  console.error(`Unknown bench area: ${unknown.join(', ')}. Areas: ${Object.keys(areas).join(', ')}`);
  process.exit(2);
}
for (const [name, run] of Object.entries(areas)) if (!chosen.length || chosen.includes(name)) await run();
