// The Beheer page's module (dist/beheer/beheer.js), loaded by /poort/beheer/ only: none of it is
// in the widget that sites embed.
export { PoortBeheer } from './poort-beheer.js';
export { BeheerPeople } from './beheer-people.js';
export { BeheerInvite } from './beheer-invite.js';
export { BeheerAudit } from './beheer-audit.js';
