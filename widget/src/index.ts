export { LoginChooser, type Step } from './login-chooser.js';
export type { Broker, LockoutSettings, SessionUser } from '../../contract/api-schemas.js';
export type { Level } from '../../contract/levels.js';
export type { LoginMethod } from '../../contract/login-methods.js';
export { locales, type Locale, type Localized } from '../../contract/locales.js';
export type { WidgetConfig } from './config.js';
export type { PoortBrokerDetail, PoortErrorDetail, PoortEventMap, PoortLoginDetail, PoortMethodDetail } from './events.js';
export { poortErrorCodes, type PoortErrorCode } from './poort-error.js';
export { PoortEmailForm } from './email-form/poort-email-form.js';
