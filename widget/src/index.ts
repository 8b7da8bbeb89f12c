export { LoginChooser, type Step } from './login-chooser.js';
export type { Broker, Level, LoginMethod, Localized, WidgetConfig } from './config.js';
export type { PoortBrokerDetail, PoortErrorDetail, PoortEventMap, PoortLoginDetail, PoortMethodDetail } from './events.js';
export { poortErrorCodes, type PoortErrorCode } from './poort-error.js';
export { locales, type Locale } from './locale.js';
export { PoortEmailForm } from './email-form/poort-email-form.js';
