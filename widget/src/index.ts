export { LoginChooser } from './login-chooser.js';
export type { LoginMethod, Level } from './login-chooser.js';
export { locales, type Locale } from './locale.js';
export { PoortEmailForm } from './email-form/poort-email-form.js';
