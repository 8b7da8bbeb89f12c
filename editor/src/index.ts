// The text editor's bundle (dist/editor/poort-text-editor.js): the editor and, for its live
// preview, the real <login-chooser>.
export { PoortTextEditor } from './poort-text-editor.js';
